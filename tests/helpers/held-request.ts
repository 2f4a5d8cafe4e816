import { connect } from 'node:net';
import { expect } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { inProcessCall } from './in-process-call';

/** The response status recorded for the capture at `path` (null while none is, undefined before it is filed). */
export async function responseStatusOf(engine: Engine, path: string) {
  const call = inProcessCall(() => engine);
  return (await call('captures.list', { limit: 20 })).items.find((c) => c.path === path)?.responseStatus;
}

/**
 * Sends a raw POST to `path` that the endpoint's rule holds back, and waits until it is recorded with the `status` it
 * is about to get. `socket` is the sender's (destroy it to leave); `answer` the status line it gets back.
 */
export async function sendHeld(engine: Engine, path: string, status: number) {
  const socket = connect(Number(new URL(engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => undefined);
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) resolve(received.slice(0, received.indexOf('\r\n')));
    });
  });
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na`);
  await expect.poll(() => responseStatusOf(engine, path), { timeout: 5000 }).toBe(status);
  return { socket, answer };
}
