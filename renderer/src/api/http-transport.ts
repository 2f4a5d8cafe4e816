import type { ExportFile, Transport } from '../../../electron/shared/contract/client';
import type { Result } from '../../../electron/shared/contract/errors';
import type { ConnectionStatus } from './connection';
import { forgetToken } from './token';

interface Options {
  token: string;
  /** Origin of the control server; defaults to the page's own. */
  origin?: string;
  status: ConnectionStatus;
  /** Called once the server rejects the token; defaults to dropping it from session storage. */
  onUnauthorized?: () => void;
}

const MAX_BACKOFF_MS = 10_000;

/** Browser mode: calls over `POST /api/rpc` (a big body's bytes over `POST /api/body`), events over one WebSocket that reconnects with back-off. */
export function createHttpTransport({
  token,
  origin = window.location.origin,
  status,
  onUnauthorized = forgetToken,
}: Options): Transport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let socket: WebSocket | null = null;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unauthorized = false;

  const rejected = () => {
    if (unauthorized) return;
    unauthorized = true;
    if (timer) clearTimeout(timer);
    timer = null;
    onUnauthorized();
    status.set('unauthorized');
  };

  /**
   * A browser hides why a WebSocket upgrade failed, so ask the API with the same token: a 401 means the server is up
   * but no longer knows this token; a network error means it is down (keep retrying).
   */
  const tokenRejected = async (): Promise<boolean> => {
    try {
      const response = await fetch(new URL('/api/capabilities', origin), {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.status === 401;
    } catch {
      return false;
    }
  };

  /** POSTs JSON with the token; a server that cannot be reached is an `unavailable` result. */
  const post = async (path: string, body: unknown, signal?: AbortSignal): Promise<Result<Response>> => {
    try {
      const response = await fetch(new URL(path, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal,
      });
      if (response.status === 401) rejected();
      return { ok: true, value: response };
    } catch (error) {
      return {
        ok: false,
        error: { code: 'unavailable', message: `Cannot reach Hookscope: ${String(error)}` },
      };
    }
  };

  const scheduleRetry = () => {
    if (listeners.size === 0 || unauthorized) return;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** retry) * (0.75 + Math.random() * 0.5);
    retry += 1;
    timer = setTimeout(connect, delay);
  };

  const connect = () => {
    timer = null;
    if (listeners.size === 0 || unauthorized) return;
    status.set('connecting');
    const url = new URL('/api/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    const ws = new WebSocket(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      retry = 0;
      status.set('open');
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string') return;
      for (const listener of listeners) listener(parsed.event, parsed.payload);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      status.set('closed');
      if (listeners.size === 0) return;
      if (opened) return scheduleRetry();
      void tokenRejected().then((yes) => (yes ? rejected() : scheduleRetry()));
    };
  };

  return {
    async invoke(method, input): Promise<Result<unknown>> {
      const posted = await post('/api/rpc', { method, input });
      return posted.ok ? resultOf(posted.value) : posted;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket && !timer) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          if (timer) clearTimeout(timer);
          timer = null;
          const ws = socket;
          socket = null;
          ws?.close();
        }
      };
    },
    capabilities() {
      return ['browser'];
    },
    async captureBody(input): Promise<Result<Uint8Array>> {
      const posted = await post('/api/body', input);
      if (!posted.ok) return posted;
      const response = posted.value;
      if (!response.ok) return (await resultOf(response)) as Result<Uint8Array>;
      return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
    },
    async exportFile(input, signal): Promise<Result<ExportFile>> {
      const posted = await post('/api/export', input, signal);
      if (!posted.ok) return posted;
      const response = posted.value;
      if (!response.ok || !response.body) return (await resultOf(response)) as Result<ExportFile>;
      const disposition = response.headers.get('content-disposition') ?? '';
      return {
        ok: true,
        value: {
          body: response.body,
          fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'hookscope-export',
          mimeType: (response.headers.get('content-type') ?? '').split(';')[0]!,
          total: Number(response.headers.get('x-hookscope-export-total') ?? 0),
        },
      };
    },
  };
}

/** The API's JSON answer, or an `internal` result when the body is not JSON. */
async function resultOf(response: Response): Promise<Result<unknown>> {
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `Bad response from server (HTTP ${response.status})` },
    };
  }
}
