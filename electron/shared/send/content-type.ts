import { XMLValidator } from 'fast-xml-parser';

export type DetectedContentType =
  'application/x-www-form-urlencoded' | 'application/json' | 'application/xml' | 'text/plain';

/** `label=value` pairs joined by `&`, as Ontraport's post data: keys carry no whitespace; values may (unencoded). */
const formPair = /^[^\s=&]+=[^&]*$/;

/**
 * Ontraport's rule (seed 000): form-encoded, JSON or XML detected from the body, otherwise plain text.
 * JSON means an object or array (a bare `42` or `"x"` is text); XML means well-formed markup.
 */
export function detectContentType(body: string): DetectedContentType {
  const trimmed = body.trim();
  if (trimmed === '') return 'text/plain';
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && isJson(trimmed)) return 'application/json';
  if (trimmed.startsWith('<') && XMLValidator.validate(trimmed) === true) return 'application/xml';
  if (isFormEncoded(trimmed)) return 'application/x-www-form-urlencoded';
  return 'text/plain';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function isFormEncoded(text: string): boolean {
  if (/[\r\n]/.test(text)) return false;
  const pairs = text.endsWith('&') ? text.slice(0, -1).split('&') : text.split('&');
  return pairs.every((pair) => formPair.test(pair));
}

/** The user's Content-Type header (any case) if they set one; else the detected type. */
export function userContentType(headers: readonly (readonly [string, string])[]): string | null {
  const found = headers.find(([name]) => name.trim().toLowerCase() === 'content-type');
  return found && found[1].trim() !== '' ? found[1].trim() : null;
}

/** What goes out: a Content-Type the user set wins over detection (seed 000). */
export function effectiveContentType(headers: [string, string][], body: string): string {
  return userContentType(headers) ?? detectContentType(body);
}

/** Like `effectiveContentType`, but `null` for an empty body with no user header (send no Content-Type). */
export function contentTypeHeaderFor(headers: [string, string][], body: string): string | null {
  const user = userContentType(headers);
  if (user) return user;
  return body === '' ? null : detectContentType(body);
}
