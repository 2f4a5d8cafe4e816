import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http client: any method token, exact headers (array form keeps duplicates and case), Buffer bodies. */
export function send(
  url: string,
  options: {
    method?: string;
    headers?: Array<[string, string]>;
    body?: Buffer | string;
    chunked?: Buffer[];
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Array-form headers keep duplicates and case, but then Node adds no Host header of its own.
    const headers = options.headers ?? [];
    const flat: string[] = headers.some(([n]) => n.toLowerCase() === 'host')
      ? []
      : ['Host', new URL(url).host];
    for (const [n, v] of headers) flat.push(n, v);
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: flat as unknown as Record<string, string> },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunked) {
      for (const chunk of options.chunked) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

/** Writes raw bytes on a socket and returns what came back before the server closed it (or timeoutMs passed). */
export function rawExchange(port: number, payload: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.on('error', () => undefined);
    socket.write(payload);
  });
}
