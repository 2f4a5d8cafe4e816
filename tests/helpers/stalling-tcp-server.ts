import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface StalledSocket {
  readonly socket: Socket;
  /** Bytes the client wrote (the server reads and drops them, so the client's close is seen). */
  bytes: number;
  closed: boolean;
}

/**
 * A TCP server on 127.0.0.1, port 0, that accepts every connection and never answers — so a TLS handshake or an HTTP
 * request to it stalls. With `firstBytes`, it writes them once a request arrives (a status line and headers, say)
 * and then stalls mid-answer. `close()` destroys every socket it accepted.
 */
export async function stallingTcpServer(firstBytes = ''): Promise<{
  port: number;
  url: string;
  sockets: StalledSocket[];
  close(): Promise<void>;
}> {
  const sockets: StalledSocket[] = [];
  const server = createServer((socket) => {
    const entry: StalledSocket = { socket, bytes: 0, closed: false };
    socket.on('error', () => {});
    socket.on('data', (chunk) => (entry.bytes += chunk.length));
    socket.on('close', () => (entry.closed = true));
    if (firstBytes) socket.once('data', () => socket.write(firstBytes));
    sockets.push(entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    sockets,
    async close() {
      for (const { socket } of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
