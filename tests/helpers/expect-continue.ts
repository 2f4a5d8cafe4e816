import { connect } from 'node:net';

export interface ContinueExchange {
  /** The status line of the first response the server wrote, interim or final. */
  first: string;
  /** Everything the server wrote, until it closed the connection (or timeoutMs passed). */
  all: string;
  /** Whether the body was written: only after a 100 Continue. */
  bodySent: boolean;
}

/**
 * Sends a request head carrying `Expect: 100-continue` on a raw socket and waits, as curl does, for the server's first
 * status line: the body goes out only after a 100 Continue. Ask for `Connection: close` so the exchange ends.
 */
export function expectContinue(
  port: number,
  head: string,
  body: string | Buffer,
  timeoutMs = 3000,
): Promise<ContinueExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let first = '';
    let bodySent = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ first, all: Buffer.concat(chunks).toString('latin1'), bodySent });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      if (first || !text.includes('\r\n')) return;
      first = text.slice(0, text.indexOf('\r\n'));
      if (/^HTTP\/1\.1 100 /.test(first)) {
        bodySent = true;
        socket.write(body);
      }
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(head);
  });
}
