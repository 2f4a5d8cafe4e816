import { expect } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { until } from '../integration/delivery/helpers';
import { rawExchange } from './raw-http';

/**
 * POSTs `body` as JSON, raw and in one chunk, with `Transfer-Encoding: <transferEncoding>` (and the `extra` header
 * lines, each ending in CRLF) to the engine's receiver at `path`; the capture the receiver filed, in detail.
 */
export async function capturedChunked(
  engine: Engine,
  path: string,
  transferEncoding: string,
  body: Buffer,
  extra = '',
) {
  const port = Number(new URL(engine.receiverUrl).port);
  const head =
    `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${extra}` +
    `Transfer-Encoding: ${transferEncoding}\r\nConnection: close\r\n\r\n`;
  const chunk = Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`),
    body,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  expect((await rawExchange(port, Buffer.concat([Buffer.from(head), chunk]))).split('\r\n')[0]).toBe(
    'HTTP/1.1 200 OK',
  );
  const summary = await until(() =>
    engine.ctx.captures.list({ limit: 10 }).items.find((c) => c.path === path),
  );
  return engine.ctx.captures.get(summary.id);
}
