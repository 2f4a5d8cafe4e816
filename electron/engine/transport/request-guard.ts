import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Hosts the control server answers to. Anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export type GuardFailure = { status: 401 | 403; code: 'unauthorized' | 'forbidden'; message: string };

export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): GuardFailure | null {
  const hosts = allowedHosts(port);
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) {
    return {
      status: 403,
      code: 'forbidden',
      message: `Host "${headers.host ?? ''}" is not allowed (loopback only).`,
    };
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    const allowed = [...hosts].map((h) => `http://${h}`);
    if (!allowed.includes(origin.toLowerCase())) {
      return { status: 403, code: 'forbidden', message: `Origin "${origin}" is not allowed.` };
    }
  }
  return null;
}

export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(.+)$/i.exec(value);
  return match ? match[1]!.trim() : null;
}
