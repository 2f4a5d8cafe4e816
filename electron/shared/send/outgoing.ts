import { XMLValidator } from 'fast-xml-parser';
import { base64ToBytes, utf8DecodeStrict, utf8Encode, bytesToBase64 } from './bytes';
import { detectContentType, isFormEncoded, userContentType } from './content-type';
import { escapeValue, resolveTemplate, type Escape } from './merge-fields';
import { connectionHeaderProblem } from './connection-headers';
import { httpToken } from '../contract/captures';
import { credentialsFromUrl } from './url-credentials';
import { unsendableMethod } from './unsendable-method';
import { escapeForContentType } from './template-body';
import { fillHeaderName } from './fill-header-name';
import { refusedHeaderControl } from './header-value-control';
import { urlProblem } from './url-problem';

export type BodyMode = 'json' | 'form' | 'xml' | 'text' | 'base64';
export const bodyModes: BodyMode[] = ['json', 'form', 'xml', 'text', 'base64'];

export type AuthConfig =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string }
  /** API keys as headers (Ontraport `Api-Appid`/`Api-Key`, Ortto `X-Api-Key`) or query parameters. */
  | { kind: 'apikey'; in: 'header' | 'query'; pairs: [string, string][] };

export const authPresets: Record<string, Extract<AuthConfig, { kind: 'apikey' }>> = {
  Ontraport: {
    kind: 'apikey',
    in: 'header',
    pairs: [
      ['Api-Appid', ''],
      ['Api-Key', ''],
    ],
  },
  Ortto: { kind: 'apikey', in: 'header', pairs: [['X-Api-Key', '']] },
};

/** What the user typed: templates everywhere, before merge fields and auth are applied. */
export interface DraftRequest {
  method: string;
  url: string;
  headers: [string, string][];
  auth: AuthConfig;
  bodyMode: BodyMode;
  body: string;
  /** False sends every `[Field]` and `{{var}}` as typed (a captured request replayed as it was). Default true. */
  merge?: boolean;
  /** True when the body was filled from the record already (an emulator built it): it goes out as it is, so a record
   *  value that itself reads like `[Field]` is not merged a second time. The URL and headers are still merged. */
  bodyMerged?: boolean;
  /** True for a captured request opened in the composer: it goes out with the headers it had, so no Content-Type is
   *  added that the capture did not carry. */
  asCaptured?: boolean;
}

export interface Problem {
  /** The field at fault: `url`, `method`, `headers[2]`, `auth`, `body`. */
  field: string;
  message: string;
}

/** The exact request that goes out (before per-attempt signing headers). */
export interface BuiltRequest {
  method: string;
  url: string;
  headers: [string, string][];
  bodyBase64: string;
  bodyBytes: number;
  /** The body as text when it is UTF-8. */
  bodyText: string | null;
  contentType: string | null;
  contentTypeSource: 'user' | 'detected' | 'none';
  /** The type the body looks like when none is sent because the captured request had none. */
  looksLike: string | null;
  /** `[Field]` / `{{var}}` left unresolved, anywhere in the request. */
  unresolved: string[];
  /** Sending is impossible until these are fixed. */
  errors: Problem[];
  /** Sending needs the user's confirmation (unresolved fields, a body that does not match its mode). */
  warnings: Problem[];
}

const token = httpToken;
const bodyEscape: Record<BodyMode, Escape> = {
  json: 'json',
  form: 'form',
  xml: 'xml',
  text: 'none',
  base64: 'none',
};

export function buildOutgoing(
  draft: DraftRequest,
  record: Record<string, string>,
  env: Record<string, string> = {},
): BuiltRequest {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const unresolved = new Set<string>();
  const fill = (text: string, escape: Escape = 'none') => {
    const result = resolveTemplate(text, record, env, { escape });
    result.unresolved.forEach((u) => unresolved.add(u));
    return result.text;
  };
  const resolve = (text: string, escape: Escape = 'none') =>
    draft.merge === false ? text : fill(text, escape);

  const method = draft.method.trim().toUpperCase();
  if (!token.test(method))
    errors.push({ field: 'method', message: `method "${draft.method}" is not a valid HTTP method token` });
  const unsendable = unsendableMethod(method);
  if (unsendable) errors.push({ field: 'method', message: unsendable });

  let url = resolve(draft.url.trim(), 'whole-url');
  const typedUrl = url;
  const headers: [string, string][] = [];
  draft.headers.forEach(([rawName, rawValue], index) => {
    const name = fillHeaderName(rawName, resolve);
    const value = resolve(rawValue);
    if (name === '' && value === '') return;
    if (name.toLowerCase() === 'content-type' && value.trim() === '') {
      // An empty Content-Type would go out ahead of the detected one, and most servers read only the first.
      warnings.push({
        field: `headers[${index}]`,
        message: draft.asCaptured
          ? 'Content-Type has no value, so it is left out'
          : 'Content-Type has no value, so it is left out and the detected type is sent',
      });
      return;
    }
    const problem = !token.test(name)
      ? `header name "${name}" is not valid (letters, digits and !#$%&'*+.^_\`|~-)`
      : headerValueProblem(name, value);
    if (problem) errors.push({ field: `headers[${index}]`, message: problem });
    headers.push([name, value]);
  });

  const auth = draft.auth;
  const hasHeader = (name: string) => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
  if (auth.kind === 'basic' || auth.kind === 'bearer') {
    if (hasHeader('authorization'))
      warnings.push({
        field: 'auth',
        message: 'Authorization is set both in Auth and in the headers; both are sent',
      });
    // Auth is never part of a captured request: its `{{token}}` is filled even while merge fields are off.
    const username = auth.kind === 'basic' ? fill(auth.username) : '';
    // The server reads up to the first colon as the username (RFC 7617): the rest would become the password.
    if (username.includes(':'))
      errors.push({ field: 'auth.username', message: 'Basic auth username cannot contain ":"' });
    const secret = auth.kind === 'basic' ? fill(auth.password) : fill(auth.token);
    // As an API key with no value: the header would go out as `Bearer ` or `Basic Og==` and only the 401 would say.
    if (auth.kind === 'bearer' && secret.trim() === '')
      warnings.push({ field: 'auth.token', message: 'Bearer token is empty' });
    if (auth.kind === 'basic' && username === '' && secret === '')
      warnings.push({ field: 'auth', message: 'Basic auth username and password are empty' });
    const credentials =
      auth.kind === 'basic'
        ? `Basic ${bytesToBase64(utf8Encode(`${username}:${secret}`))}`
        : `Bearer ${secret}`;
    const control = refusedHeaderControl(credentials);
    if (/[\r\n\0]/.test(credentials))
      errors.push({ field: 'auth', message: 'credentials contain a line break or NUL' });
    else if (control)
      errors.push({ field: 'auth', message: `credentials contain the control character ${control}` });
    headers.push(['Authorization', credentials]);
  } else if (auth.kind === 'apikey') {
    // Each keeps its row number in the editor, so a problem names the row the user sees past a skipped unnamed one.
    const pairs = auth.pairs
      .map(([n, v], index) => ({ name: fill(n.trim()), value: fill(v), index }))
      .filter(({ name }) => name !== '');
    // A key the request already carries (a captured request's old key) would go out twice: the server reads one.
    const [taken, where] =
      auth.in === 'header'
        ? [hasHeader, 'in the headers']
        : [(name: string) => queryOf(url).has(name), "in the URL's query"];
    pairs.forEach(({ name, value, index }) => {
      if (value === '')
        warnings.push({ field: `auth.pairs[${index}]`, message: `API key "${name}" has no value` });
      else if (taken(name))
        warnings.push({
          field: `auth.pairs[${index}]`,
          message: `API key "${name}" is also set ${where}; both are sent`,
        });
    });
    if (auth.in === 'header') {
      pairs.forEach(({ name, value, index }) => {
        const problem = !token.test(name)
          ? `API key header name "${name}" is not valid`
          : headerValueProblem(name, value);
        if (problem) errors.push({ field: `auth.pairs[${index}]`, message: problem });
        headers.push([name, value]);
      });
    } else if (pairs.length > 0) {
      const query = pairs
        .map(({ name, value }) => `${escapeValue(name, 'url')}=${escapeValue(value, 'url')}`)
        .join('&');
      const hash = url.indexOf('#');
      const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
      url = `${base}${base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'}${query}${fragment}`;
    }
  }

  // Checked as typed: an API key added to the query above would otherwise be quoted (in clear, though its input is
  // masked) in the error about an empty or half-typed URL. A valid URL stays valid with a query parameter added.
  checkUrl(typedUrl, errors);

  let bytes: Uint8Array;
  if (draft.bodyMode === 'base64') {
    try {
      bytes = base64ToBytes(draft.body);
    } catch (error) {
      errors.push({ field: 'body', message: `body: ${(error as Error).message}` });
      bytes = new Uint8Array();
    }
  } else {
    // Text is no format of its own: a Content-Type the user set (JSON, form, XML) says where values land, as it does
    // for a bulk or saved send, so a quote in a value cannot break the JSON it is sent as.
    const escape =
      draft.bodyMode === 'text' ? escapeForContentType(userContentType(headers)) : bodyEscape[draft.bodyMode];
    const text = draft.bodyMerged ? draft.body : resolve(draft.body, escape);
    bytes = utf8Encode(text);
    const mismatch = unresolved.size === 0 ? modeMismatch(draft.bodyMode, text) : null;
    if (mismatch) warnings.push({ field: 'body', message: mismatch });
  }
  if (unresolved.size > 0) {
    warnings.push({
      field: 'merge fields',
      message: `unresolved: ${[...unresolved].join(', ')} (sent as typed)`,
    });
  }

  const bodyText = utf8DecodeStrict(bytes);
  const user = userContentType(headers);
  let contentType: string | null = user;
  let contentTypeSource: BuiltRequest['contentTypeSource'] = user ? 'user' : 'none';
  let looksLike: string | null = null;
  if (!user && bytes.length > 0) {
    const detected = bodyText === null ? 'application/octet-stream' : detectContentType(bodyText);
    if (draft.asCaptured) looksLike = detected;
    else {
      contentType = detected;
      contentTypeSource = 'detected';
      headers.push(['Content-Type', contentType]);
    }
  }
  const sent = credentialsFromUrl(url, headers);

  return {
    method,
    url: sent.url,
    headers: sent.headers,
    bodyBase64: bytesToBase64(bytes),
    bodyBytes: bytes.length,
    bodyText,
    contentType,
    contentTypeSource,
    looksLike,
    unresolved: [...unresolved],
    errors,
    warnings,
  };
}

function queryOf(url: string): URLSearchParams {
  const query = url.split('#')[0]!.split('?').slice(1).join('?');
  return new URLSearchParams(query);
}

/** Why a header with a valid name cannot be sent, or null. */
function headerValueProblem(name: string, value: string): string | null {
  if (/[\r\n\0]/.test(value)) return `header "${name}" value contains a line break or NUL`;
  const control = refusedHeaderControl(value);
  if (control) return `header "${name}" value contains the control character ${control}`;
  return connectionHeaderProblem(name, value);
}

function checkUrl(url: string, errors: Problem[]) {
  if (url === '') {
    errors.push({ field: 'url', message: 'URL is empty' });
    return;
  }
  const problem = urlProblem(url);
  if (problem) errors.push({ field: 'url', message: problem });
}

function modeMismatch(mode: BodyMode, text: string): string | null {
  if (text.trim() === '') return null;
  switch (mode) {
    case 'json':
      try {
        // A leading byte-order mark is allowed (RFC 8259 §8.1 lets a parser ignore it); it is still sent.
        JSON.parse(text.replace(/^\uFEFF/, ''));
        return null;
      } catch (error) {
        return `body: not valid JSON (${(error as Error).message})`;
      }
    case 'xml': {
      const result = XMLValidator.validate(text.trim());
      return result === true
        ? null
        : `body: not well-formed XML (line ${result.err.line}: ${result.err.msg})`;
    }
    case 'form':
      return isFormEncoded(text.trim()) ? null : 'body: not label=value pairs joined by &';
    default:
      return null;
  }
}
