import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_MAX_REQUEST_BYTES } from '../../shared/contract/define';
import { contract, type ErrorCode, type MethodName } from '../../shared/contract/index';
import { createDispatcher } from '../api/dispatcher';
import { exportTooLargeMessage } from '../captures/export-budget';
import type { Engine } from '../engine';
import { sendCaptureBody } from './capture-body-route';
import { sendExportDownload } from './export-download';
import { bearerToken, checkHostAndOrigin, tokenMatches } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';

export interface HttpTransportOptions {
  engine: Pick<Engine, 'handlers' | 'bus'> &
    Partial<Pick<Engine, 'streamExport' | 'readCaptureBody' | 'ctx'>>;
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
 * Browser mode's control server: `POST /api/rpc`, `POST /api/export`, `POST /api/body` and the `/api/events` WebSocket, plus the built renderer.
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
    if (failure) return sendError(res, failure.status, failure.code, failure.message);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) return handleApi(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return methodNotAllowed(res, req.method, path, 'GET, HEAD');
    }
    if (!options.staticDir)
      return sendError(
        res,
        404,
        'not_found',
        'No UI is served here (started with --no-ui); the API is at /api/rpc.',
      );
    serveStatic(options.staticDir, path, res, port);
  });

  const handleApi = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!tokenMatches(token, bearerToken(req.headers))) {
      req.resume();
      return sendError(res, 401, 'unauthorized', 'Missing or wrong API token.');
    }
    const allowed = apiRoutes[path];
    if (!allowed) {
      req.resume();
      return sendError(res, 404, 'unknown_method', `No API route ${req.method} ${path}.`);
    }
    if (req.method !== allowed) {
      req.resume();
      return methodNotAllowed(res, req.method, path, allowed);
    }
    if (path === '/api/capabilities') return sendJson(res, 200, { capabilities: ['browser'] });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        sendError(res, 413, 'payload_too_large', `API request over ${maxBody} bytes.`);
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
        return sendError(res, 400, 'invalid_input', 'Body must be JSON {method, input}.');
      }
      if (path === '/api/export') {
        const streamExport = options.engine.streamExport;
        if (!streamExport) return sendError(res, 404, 'unknown_method', 'No exports are served here.');
        return sendExportDownload(res, call, streamExport, (status, code, message) =>
          sendError(res, status, code, message),
        );
      }
      if (path === '/api/body') {
        const readBody = options.engine.readCaptureBody;
        if (!readBody) return sendError(res, 404, 'unknown_method', 'No capture bodies are served here.');
        return sendCaptureBody(res, call, readBody, (status, code, message) =>
          sendError(res, status, code, message),
        );
      }
      if (typeof call?.method !== 'string') {
        return sendError(res, 400, 'invalid_input', 'method: expected a string.');
      }
      try {
        const result = await dispatcher.dispatch(call.method, call.input, { transport: 'http' });
        sendJson(res, 200, result);
      } catch (error) {
        // Nothing thrown in an 'end' listener may escape: an unhandled rejection ends the whole server.
        sendError(res, 500, 'internal', error instanceof Error ? error.message : String(error));
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
  const controlServerPorts = options.engine.ctx?.controlServerPorts;
  controlServerPorts?.add(port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    uiUrl: `${url}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    async close() {
      controlServerPorts?.delete(port);
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

/** The API's routes and the one method each takes. */
const apiRoutes: Record<string, string> = {
  '/api/rpc': 'POST',
  '/api/capabilities': 'GET',
  // `captures.export`'s input in, the export file out, streamed (see export-download.ts).
  '/api/export': 'POST',
  // `captures.body`'s input in, the body's bytes out (see capture-body-route.ts).
  '/api/body': 'POST',
};

/** Every error this server answers has the API's shape: `{ ok: false, error: { code, message } }`. */
function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
) {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

function methodNotAllowed(res: ServerResponse, method: string | undefined, path: string, allow: string) {
  sendError(res, 405, 'method_not_allowed', `${method} ${path}: only ${allow} is allowed here.`, { allow });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // An answer past V8's longest string ("Invalid string length") is refused, not thrown at the server.
    if (error instanceof RangeError) return sendError(res, 413, 'payload_too_large', exportTooLargeMessage());
    return sendError(res, 500, 'internal', `The answer could not be written as JSON: ${String(error)}`);
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders(),
    ...headers,
  });
  res.end(text);
}
