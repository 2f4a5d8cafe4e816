import type { Cookie } from 'har-format';
import type { HeaderPair } from '../../shared/contract/index';

const named = (headers: HeaderPair[], lowerName: string) =>
  headers.filter(([name]) => name.toLowerCase() === lowerName).map(([, value]) => value);

/** `name=value` split at its first `=`; null for a piece with none (a redacted `[redacted]` value has none). */
function pair(piece: string): { name: string; value: string } | null {
  const eq = piece.indexOf('=');
  if (eq <= 0) return null;
  return { name: piece.slice(0, eq).trim(), value: piece.slice(eq + 1).trim() };
}

/** HAR's request.cookies: every `name=value` of every Cookie header (HTTP/2 clients send one per cookie), in order. */
export function harRequestCookies(headers: HeaderPair[]): Cookie[] {
  return named(headers, 'cookie').flatMap((value) => value.split(';').flatMap((piece) => pair(piece) ?? []));
}

/** HAR's response.cookies: one per Set-Cookie header, with the attributes HAR has a place for. */
export function harResponseCookies(headers: HeaderPair[]): Cookie[] {
  return named(headers, 'set-cookie').flatMap((value) => {
    const [first = '', ...attributes] = value.split(';');
    const cookie: Cookie | null = pair(first);
    if (cookie === null) return [];
    for (const attribute of attributes) {
      const [key = '', ...rest] = attribute.split('=');
      const text = rest.join('=').trim();
      const name = key.trim().toLowerCase();
      if (name === 'path') cookie.path = text;
      else if (name === 'domain') cookie.domain = text;
      else if (name === 'httponly') cookie.httpOnly = true;
      else if (name === 'secure') cookie.secure = true;
      else if (name === 'expires' && !Number.isNaN(Date.parse(text)))
        cookie.expires = new Date(Date.parse(text)).toISOString();
    }
    return [cookie];
  });
}

/**
 * The Cookie header a HAR request's `cookies` list stands for (`a=1; b=2`), for hand-made files that list them without
 * one; null when none is usable. `field` names the list in each warning about an item that is not a name and value.
 */
export function harCookieHeader(
  cookies: unknown,
  field: string,
): { value: string | null; warnings: string[] } {
  if (!Array.isArray(cookies)) return { value: null, warnings: [] };
  const warnings: string[] = [];
  const pieces = cookies.flatMap((cookie: unknown, i) => {
    const { name, value } = (typeof cookie === 'object' && cookie !== null ? cookie : {}) as Record<
      string,
      unknown
    >;
    if (typeof name === 'string' && name !== '' && typeof value === 'string') return [`${name}=${value}`];
    warnings.push(
      `${field}[${i}]: not a cookie with a name and a string value; left out of the Cookie header`,
    );
    return [];
  });
  return { value: pieces.length > 0 ? pieces.join('; ') : null, warnings };
}
