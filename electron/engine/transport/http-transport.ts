import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_MAX_REQUEST_BYTES } from '../../shared/contract/define';
import { contract, type MethodName } from '../../shared/contract/index';
import { createDispatcher } from '../api/dispatcher';
import { exportTooLargeMessage } from '../captures/export-budget';
import type { Engine } from '../engine';
import { bearerToken, checkHostAndOrigin, tokenMatches } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';

export interface HttpTransportOptions {
  engine: Pick<Engine, 'handlers' | 'bus'>;
  /** Always a loopback port; the control API is never exposed beyond this machine. */
  port?: number;
  staticDir?: string | null;
  token?: string;
  maxBodyBytes?: number;
  checkOutputs?: boolean;
}

export interface HttpTransport {
  url: string;
  uiUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Desktop-only methods (native dialogs) are hidden in browser mode. */
export const browserHiddenMethods = new Set(
  (Object.keys(contract.methods) as MethodName[]).filter((m) => contract.methods[m].desktopOnly),
);

/**
 * Browser mode's control server: `POST /api/rpc` and the `/api/events` WebSocket, plus the built renderer.
 * Loopback only, a random per-run token, Host and Origin checked (DNS rebinding), no CORS headers at all.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? API_MAX_REQUEST_BYTES;
  const dispatcher = createDispatcher(options.engine.handlers, {
    hidden: browserHiddenMethods,
    checkOutputs: options.checkOutputs,
  });
  let port = 0;

  const server = createServer((req, res) => {
    const failure = checkHostAndOrigin(req.headers, port);
    if (failure)
      return sendJson(res, failure.status, {
        ok: false,
        error: { code: failure.code, message: failure.message },
      });
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) return handleApi(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'method not allowed' });
    if (!options.staticDir) return sendJson(res, 404, { error: 'no UI served' });
    serveStatic(options.staticDir, path, res, port);
  });

  const handleApi = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!tokenMatches(token, bearerToken(req.headers))) {
      req.resume();
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'unauthorized', message: 'Missing or wrong API token.' },
      });
    }
    if (path === '/api/capabilities' && req.method === 'GET')
      return sendJson(res, 200, { capabilities: ['browser'] });
    if (path !== '/api/rpc' || req.method !== 'POST') {
      req.resume();
      return sendJson(res, 404, {
        ok: false,
        error: { code: 'unknown_method', message: `No API route ${req.method} ${path}.` },
      });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        sendJson(res, 413, {
          ok: false,
          error: { code: 'payload_too_large', message: `API request over ${maxBody} bytes.` },
        });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      if (res.headersSent) return;
      let call: { method?: unknown; input?: unknown };
      try {
        call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof call;
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'Body must be JSON {method, input}.' },
        });
      }
      if (typeof call?.method !== 'string') {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'method: expected a string.' },
        });
      }
      try {
        const result = await dispatcher.dispatch(call.method, call.input, { transport: 'http' });
        sendJson(res, 200, result);
      } catch (error) {
        // Nothing thrown in an 'end' listener may escape: an unhandled rejection ends the whole server.
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
        });
      }
    });
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const failure =
      checkHostAndOrigin(req.headers, port) ??
      (url.pathname !== '/api/events'
        ? ({ status: 403, code: 'forbidden', message: 'No such socket.' } as const)
        : !tokenMatches(token, url.searchParams.get('token'))
          ? ({ status: 401, code: 'unauthorized', message: 'Missing or wrong API token.' } as const)
          : null);
    if (failure) {
      socket.end(
        `HTTP/1.1 ${failure.status} ${failure.code}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = options.engine.bus.onAny((event, payload) => {
    if (sockets.size === 0) return;
    const message = JSON.stringify({ event, payload });
    for (const ws of sockets) {
      // A client that cannot keep up is dropped; it reconnects and re-reads the list.
      if (ws.bufferedAmount > 16 * 1024 * 1024) ws.terminate();
      else ws.send(message);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    uiUrl: `${url}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // An answer past V8's longest string ("Invalid string length") is refused, not thrown at the server.
    const tooLarge = error instanceof RangeError;
    status = tooLarge ? 413 : 500;
    text = JSON.stringify({
      ok: false,
      error: tooLarge
        ? { code: 'payload_too_large', message: exportTooLargeMessage() }
        : { code: 'internal', message: `The answer could not be written as JSON: ${String(error)}` },
    });
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders(),
  });
  res.end(text);
}
