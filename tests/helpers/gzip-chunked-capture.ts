import { gzipSync } from 'node:zlib';
import type { ApiClient } from '../../electron/shared/contract/client';
import { filedCaptureId } from './filed-capture';
import { rawExchange } from './raw-http';

/** Posts gzip bytes raw with `Transfer-Encoding: gzip, chunked` to `path`; the capture's id once filed. */
export async function gzipChunkedCaptureId(
  ui: { readonly api: ApiClient; readonly engine: { receiverUrl: string } },
  path: string,
): Promise<number> {
  const gz = gzipSync('{"a":1}');
  const port = Number(new URL(ui.engine.receiverUrl).port);
  const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n`;
  const chunk = Buffer.concat([
    Buffer.from(`${gz.length.toString(16)}\r\n`),
    gz,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  await rawExchange(port, Buffer.concat([Buffer.from(head), chunk]));
  return filedCaptureId(ui.api, path);
}
