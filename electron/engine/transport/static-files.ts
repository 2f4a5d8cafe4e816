import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * The renderer's CSP (browser mode; Electron sets the same from its app:// handler), plus the event WebSocket on the
 * UI's own port (`'self'` does not cover ws: in every browser). No other
 * local port: the receiver or another local service is not the page's to reach. Monaco's workers are bundled files
 * from 'self', and downloads navigate to their blob: URL, so no blob: is allowed.
 */
export function contentSecurityPolicy(port?: number): string {
  // (An IPv6 literal is not a valid CSP host; a page opened on [::1] relies on 'self'.)
  const events = port === undefined ? [] : [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    ["connect-src 'self'", ...events].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const securityHeaders = (port?: number): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(port),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

/**
 * Serves the built renderer; unknown paths fall back to index.html (client-side routes). `port` is the UI server's,
 * for the CSP's WebSocket origin.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, port: number): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const safe = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders(port) });
    res.end('The renderer is not built yet: run `npm run build`.');
    return;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    ...securityHeaders(port),
  });
  createReadStream(file).pipe(res);
}
