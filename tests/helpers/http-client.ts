import WebSocket from 'ws';
import type { Transport } from '../../electron/shared/contract/client';
import type { Result } from '../../electron/shared/contract/errors';

/** Node-side client of the browser-mode API (the renderer has its own, with reconnects). */
export function createHttpTransport(
  apiUrl: string,
  token: string,
): Transport & { ready(): Promise<void>; close(): void } {
  let socket: WebSocket | null = null;
  let opened: Promise<void> | null = null;
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const connect = () => {
    if (socket) return;
    socket = new WebSocket(`${apiUrl.replace('http', 'ws')}/api/events?token=${encodeURIComponent(token)}`, {
      headers: { origin: apiUrl },
    });
    opened = new Promise((resolve, reject) => {
      socket!.once('open', () => resolve());
      socket!.once('error', reject);
    });
    socket.on('message', (data) => {
      const { event, payload } = JSON.parse(String(data)) as { event: string; payload: unknown };
      for (const l of listeners) l(event, payload);
    });
  };
  return {
    async invoke(method, input) {
      const res = await fetch(`${apiUrl}/api/rpc`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as Result<unknown>;
    },
    async captureBody(input) {
      const res = await fetch(`${apiUrl}/api/body`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res.ok) return (await res.json()) as Result<Uint8Array>;
      return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => listeners.delete(listener);
    },
    capabilities: () => ['browser'],
    async ready() {
      connect();
      await opened;
    },
    close() {
      socket?.close();
    },
  };
}
