import type { ServerResponse } from 'node:http';

/** Answers `status` with `size` bytes of 'a', chunked (no Content-Length), as a streaming server does. */
export function answerChunked(res: ServerResponse, status: number, size: number): void {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let left = size;
  const write = () => {
    while (left > 0) {
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}
