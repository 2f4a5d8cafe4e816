import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { appOrigin } from '../shared/contract/desktop';
import type { ProtocolLike } from './electron-like';

export const appScheme = 'app';
export const appHost = 'hookscope';
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * The renderer's CSP. Monaco needs inline styles; its workers are bundled files served from 'self' (Vite
 * `?worker` imports), so no `blob:` is allowed. No remote origin of any kind.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before `app.ready`: makes app:// behave like https (origin, fetch, secure context). */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Serves files under `rendererDir` for app://hookscope/…; anything else is 404. Paths without an extension fall
 * back to index.html (client-side routes). `..` can never leave the folder.
 */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir + sep);
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain' } });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders });
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (pathname.includes('\0')) return notFound();
    if (pathname === '/' || (!extname(pathname) && !pathname.startsWith('/assets/')))
      pathname = '/index.html';
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root)) return notFound();
    try {
      if (!(await stat(file)).isFile()) return notFound();
      const body = await readFile(file);
      const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' },
      });
    } catch {
      return notFound();
    }
  };
}

export function serveAppScheme(protocol: Pick<ProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rendererDir));
}
