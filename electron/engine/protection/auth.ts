import { timingSafeEqual } from 'node:crypto';
import { headerValueAsUtf8Stored } from '../../shared/decode/header-text';
import type { EndpointAuth } from '../../shared/contract/endpoints';
import type { IncomingCapture, Interception } from '../context';
import { isCorsPreflight } from '../receiver/cors-preflight';

const header = (request: IncomingCapture, name: string) =>
  request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;

/** Constant-time comparison, so a wrong secret's length or prefix cannot be timed. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Each value of the parameter, form-decoded and also with `+` kept literal: many senders put a token in the URL
 * unencoded, and form decoding reads its `+` as a space. Both parses split the query alike, so entries pair by index.
 */
function spellings(query: string, name: string): string[] {
  const formDecoded = [...new URLSearchParams(query)];
  const plusKept = [...new URLSearchParams(query.replace(/\+/g, '%2B'))];
  return formDecoded.flatMap(([key, value], i) => (key === name ? [value, plusKept[i]![1]] : []));
}

/**
 * The parameter's values in the query as sent and, when a client sent the URL's `#fragment` along (some do; it is no
 * part of the query), in the query without it: a token last in the query would otherwise end in `#…`.
 */
function queryValues(query: string, name: string): string[] {
  const hash = query.indexOf('#');
  return hash === -1
    ? spellings(query, name)
    : [...spellings(query, name), ...spellings(query.slice(0, hash), name)];
}

/** Why this request fails the endpoint's auth, or null when it passes. Reasons never include the secret. */
export function authFailure(request: IncomingCapture, auth: EndpointAuth): string | null {
  switch (auth.kind) {
    case 'none':
      return null;
    case 'basic': {
      const value = header(request, 'authorization');
      if (!value) return 'basic auth required: no Authorization header';
      const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
      if (!match?.[1]) return 'basic auth required: the Authorization header is not Basic credentials';
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const username = colon === -1 ? decoded : decoded.slice(0, colon);
      const password = colon === -1 ? '' : decoded.slice(colon + 1);
      // Evaluate both so the time taken does not reveal which part was wrong.
      const userOk = sameSecret(username, auth.username);
      const passOk = sameSecret(password, auth.password);
      return userOk && passOk ? null : 'basic auth: wrong username or password';
    }
    case 'header': {
      const value = header(request, auth.name);
      if (value === null) return `required header "${auth.name}" is missing`;
      // Stored Latin-1 decoded (one character per byte): take the bytes as they came or read as UTF-8, as shown.
      const asSent = sameSecret(value, auth.value);
      const asUtf8 = sameSecret(value, headerValueAsUtf8Stored(auth.value));
      return asSent || asUtf8 ? null : `header "${auth.name}" has the wrong value`;
    }
    case 'query': {
      const values = queryValues(request.query, auth.name);
      if (values.length === 0) return `required query parameter "${auth.name}" is missing`;
      // Every spelling is compared, so the time taken does not reveal which one matched.
      return values.map((v) => sameSecret(v, auth.value)).includes(true)
        ? null
        : `query parameter "${auth.name}" has the wrong value`;
    }
    default: {
      const unknown: never = auth;
      return `unsupported auth kind ${JSON.stringify(unknown)}`;
    }
  }
}

/** A quoted-string a header can carry: anything outside printable ASCII (a name stored before names were checked) is
 * percent-encoded as UTF-8, which is also how a query parameter name is written in a URL. */
const quoted = (text: string) =>
  `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[^\x20-\x7e]/gu, (c) =>
      [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )}"`;

/** RFC 9110 requires a challenge on every 401; header and query auth have no standard scheme, so a custom one names
 * where the key is expected, never its value. */
function challenge(auth: Exclude<EndpointAuth, { kind: 'none' }>): string {
  switch (auth.kind) {
    case 'basic':
      return 'Basic realm="hookscope", charset="UTF-8"';
    case 'header':
      return `ApiKey realm="hookscope", header=${quoted(auth.name)}`;
    case 'query':
      return `ApiKey realm="hookscope", query=${quoted(auth.name)}`;
  }
}

/** 401 with the reason; the request is still recorded so the user can see what was refused and why. */
export function authInterceptor(
  request: IncomingCapture,
  endpoint: { auth: EndpointAuth },
): Interception | null {
  // Browsers never send credentials on a preflight, so refusing it would keep every browser sender out; the request
  // it asks about is still checked.
  if (isCorsPreflight(request)) return null;
  const reason = authFailure(request, endpoint.auth);
  if (reason === null || endpoint.auth.kind === 'none') return null;
  const headers: [string, string][] = [
    ['content-type', 'application/json'],
    ['www-authenticate', challenge(endpoint.auth)],
  ];
  return {
    response: { status: 401, headers, body: JSON.stringify({ error: 'unauthorized', reason }) },
    record: true,
    reason: `401: ${reason}`,
  };
}
