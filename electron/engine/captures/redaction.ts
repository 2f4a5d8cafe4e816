import { isUtf8 } from 'node:buffer';
import type { HeaderPair } from '../../shared/contract/index';
import { isXmlType, looksLikeForm } from '../../shared/decode/body';
import { boundaryOf, isMultipartType, parseMultipart } from '../../shared/decode/multipart';
import { secretName } from '../util/secret-names';
import { redactUtf16 } from './utf16-body';
import { xmlSecretSpans } from './xml-redaction';

const secretHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|api-appid|x-auth-token|x-access-token|webhook-signature|x-hub-signature(-256)?|stripe-signature|x-shopify-hmac-sha256|x-signature|svix-signature)$/i;
/**
 * An OAuth authorization code (`?code=…`) is a credential in a URL or a form; in a JSON body `code` is usually an
 * error or status code, so it is not secret there.
 */
const secretPairName = /^code$/i;
/** A header value that is a credential whatever the header is called: `Bearer …`, `Basic …`, `Digest …`, `Token …`. */
const credentialValue = /^\s*(bearer|basic|digest|token|negotiate)\s/i;

export const redactedMarker = '[redacted]';

/** Names endpoints made secret (their header or query auth, their signature header); lower case. */
export interface Redaction {
  headerNames: ReadonlySet<string>;
  queryNames: ReadonlySet<string>;
}

export const standardRedaction: Redaction = { headerNames: new Set(), queryNames: new Set() };

export const isSecretHeader = (name: string, redaction: Redaction = standardRedaction) =>
  secretHeader.test(name) || secretName.test(name) || redaction.headerNames.has(name.toLowerCase());

const isSecretQueryName = (name: string, redaction: Redaction) =>
  secretName.test(name) || secretPairName.test(name) || redaction.queryNames.has(name.toLowerCase());

/** A header value that is a URL or a path (Referer, Location, X-Original-URI): its query can carry a secret. */
const urlValue = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)\S*$/i;

export function redactHeaders(
  headers: HeaderPair[],
  redaction: Redaction = standardRedaction,
  keep: (value: string) => boolean = () => false,
): HeaderPair[] {
  return headers.map(([n, v]) => [
    n,
    (isSecretHeader(n, redaction) || credentialValue.test(v)) && !keep(v)
      ? redactedMarker
      : urlValue.test(v)
        ? redactUrl(v, redaction, keep)
        : v,
  ]);
}

/** `keep` spares a value that holds no secret itself (a saved webhook's `{{variable}}`, say). */
export function redactQuery(
  query: string,
  redaction: Redaction = standardRedaction,
  keep: (value: string) => boolean = () => false,
): string {
  return redactPairs(
    query,
    (name) => isSecretQueryName(name, redaction),
    keep,
    (url) => redactUrl(url, redaction, keep),
  );
}

/**
 * A URL with the values of its secret query parameters replaced, and the password of its user info (or the whole
 * user info when it is a bare token, `https://TOKEN@host`). Anything that is not an absolute URL only has its query
 * looked at.
 */
export function redactUrl(
  url: string,
  redaction: Redaction = standardRedaction,
  keep: (value: string) => boolean = () => false,
): string {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const base = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? null : beforeHash.slice(q + 1);
  const withoutUser = base.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)([^/@]*)@/i,
    (_, scheme: string, user: string) => {
      const colon = user.indexOf(':');
      const redacted = encodeURIComponent(redactedMarker);
      return `${scheme}${colon === -1 ? redacted : `${user.slice(0, colon)}:${redacted}`}@`;
    },
  );
  return (
    withoutUser +
    (query === null ? '' : `?${redactQuery(query, redaction, keep)}`) +
    (hash === -1 ? '' : `#${redactFragment(url.slice(hash + 1), redaction, keep)}`)
  );
}

/**
 * A fragment carries secrets too: a single-page app's route with its own query (`#/reset?token=…`, the usual link in a
 * password-reset or sign-in email) and OAuth's implicit grant (`#access_token=…&state=…`). Pairs are read after the
 * route's `?`, or from the start when the fragment is all pairs; a plain anchor (`#section-2`) stays as written.
 */
function redactFragment(fragment: string, redaction: Redaction, keep: (value: string) => boolean): string {
  const q = fragment.indexOf('?');
  if (q !== -1) return `${fragment.slice(0, q + 1)}${redactQuery(fragment.slice(q + 1), redaction, keep)}`;
  return fragment.includes('=') ? redactQuery(fragment, redaction, keep) : fragment;
}

/**
 * `a=1&b=2` with the value of every secret-named pair replaced, every value that is a URL (`return_to=https://…`)
 * passed through `redactUrlText`, and every value that is JSON with its secret fields replaced; everything else kept
 * as written.
 */
function redactPairs(
  text: string,
  isSecret: (name: string) => boolean,
  keep: (value: string) => boolean,
  redactUrlText: (url: string) => string,
): string {
  if (!text) return text;
  return text
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        /* keep raw */
      }
      if (eq === -1) return part;
      if (isSecret(name) && !keep(part.slice(eq + 1))) return `${key}=${encodeURIComponent(redactedMarker)}`;
      let value: string;
      try {
        value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return part;
      }
      const redacted = jsonValue.test(value)
        ? redactJsonValue(value, isSecret, redactUrlText, keep)
        : urlValue.test(value)
          ? redactUrlText(value)
          : value;
      return redacted === value ? part : `${key}=${encodeURIComponent(redacted)}`;
    })
    .join('&');
}

/** A pair's value that is JSON, as Slack's `payload={"token":…}` is. */
const jsonValue = /^\s*[[{]/;

/** The JSON value with its secret-named fields redacted as a JSON body's are (`code` included only as a pair name). */
function redactJsonValue(
  value: string,
  isSecretPair: (name: string) => boolean,
  redactUrlText: (url: string) => string,
  keep: (value: string) => boolean,
): string {
  const bytes = Buffer.from(value);
  const redacted = redactJson(
    bytes,
    (name) => isSecretPair(name) && !secretPairName.test(name),
    redactUrlText,
    keep,
  );
  return redacted === bytes ? value : redacted.toString('utf8');
}

/**
 * A field of a body (JSON key, multipart field, XML element or attribute): secret if its name would be as a header or
 * query name (`code` aside, see `secretPairName`).
 */
export const isSecretField = (name: string, redaction: Redaction = standardRedaction) =>
  (isSecretHeader(name, redaction) || isSecretQueryName(name, redaction)) && !secretPairName.test(name);

const mediaTypeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The body with the values of secret-named fields replaced by `[redacted]`: form-urlencoded pairs, JSON keys at any
 * depth (an object or array value is replaced whole), multipart text fields and XML elements and attributes. Only the values change; every
 * other byte stays as received. Returns the same Buffer when nothing was secret, or when the body cannot be read
 * field by field (not one of those types, content-encoded, or not parseable — a truncated JSON body, say). `keep` spares
 * a value that holds no secret itself (a saved webhook's `{{variable}}`), in every format.
 */
export function redactBody(
  body: Buffer,
  contentType: string | null,
  contentEncoding: string | null,
  redaction: Redaction = standardRedaction,
  keep: (value: string) => boolean = () => false,
): Buffer {
  if (body.length === 0) return body;
  // Compressed bytes cannot be edited in place (see the caller for what happens to them).
  if (contentEncoding && contentEncoding.trim().toLowerCase() !== 'identity') return body;
  const isSecret = (name: string) => isSecretField(name, redaction);
  const type = mediaTypeOf(contentType);
  if (isMultipartType(contentType)) return redactMultipart(body, contentType, isSecret, keep);
  const utf16 = redactUtf16(body, contentType, (utf8) =>
    redactBody(utf8, type || null, null, redaction, keep),
  );
  if (utf16 !== null) return utf16;
  // The decoder shows `api_key=…` as a form field under any Content-Type; the export hides it the same.
  if (type === 'application/x-www-form-urlencoded' || looksLikeForm(body.toString('latin1'))) {
    // One char per byte, so non-UTF-8 bytes in other pairs survive untouched.
    const text = body.toString('latin1');
    const redacted = redactPairs(
      text,
      (name) => isSecretQueryName(name, redaction) || isSecret(name),
      keep,
      (url) => redactUrl(url, redaction, keep),
    );
    return redacted === text ? body : Buffer.from(redacted, 'latin1');
  }
  return withoutBom(body, (text) =>
    isXmlType(contentType) || text.subarray(0, 5).toString('latin1') === '<?xml'
      ? redactXml(text, isSecret, keep)
      : redactJson(text, isSecret, (url) => redactUrl(url, redaction, keep), keep),
  );
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** `redact` applied to the body after a UTF-8 byte order mark, which is kept. */
function withoutBom(body: Buffer, redact: (text: Buffer) => Buffer): Buffer {
  if (!body.subarray(0, 3).equals(utf8Bom)) return redact(body);
  const rest = body.subarray(3);
  const redacted = redact(rest);
  return redacted === rest ? body : Buffer.concat([utf8Bom, redacted]);
}

function redactXml(body: Buffer, isSecret: (n: string) => boolean, keep: (value: string) => boolean): Buffer {
  // One char per byte: markup and names are ASCII in UTF-8 and the Latin encodings, and every other byte survives.
  const text = body.toString('latin1');
  const spans = xmlSecretSpans(text, isSecret).filter(([start, end]) => !keep(text.slice(start, end)));
  if (spans.length === 0) return body;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + redactedMarker;
    at = end;
  }
  return Buffer.from(out + text.slice(at), 'latin1');
}

function redactMultipart(
  body: Buffer,
  contentType: string | null,
  isSecret: (n: string) => boolean,
  keep: (value: string) => boolean,
): Buffer {
  const boundary = boundaryOf(contentType);
  if (!boundary) return body;
  const spans: Array<[number, number]> = [];
  for (const part of parseMultipart(body, boundary).parts) {
    // File parts are left as sent: a file's name is no evidence its content is a secret.
    if (part.name === null || part.filename !== null || !isSecret(part.name)) continue;
    if (keep(Buffer.from(part.body).toString('utf8'))) continue;
    const start = part.body.byteOffset - body.byteOffset;
    spans.push([start, start + part.body.length]);
  }
  return spliceSpans(body, spans, Buffer.from(redactedMarker));
}

/**
 * Any JSON body, whatever its Content-Type says (webhooks often send JSON as text/plain). A string value that is a URL
 * (a callback or "ping" URL) has its secret query values and password redacted, as a header's would be.
 */
function redactJson(
  body: Buffer,
  isSecret: (n: string) => boolean,
  redactUrlText: (url: string) => string,
  keep: (value: string) => boolean = () => false,
): Buffer {
  const first = body.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (first !== 0x7b && first !== 0x5b) return body; // `{` or `[`
  // A string that is itself JSON (an SNS `Message`, a `data` field sent as text) has its secret fields too.
  const urlString = (value: string): string =>
    jsonValue.test(value)
      ? redactJsonValue(value, isSecret, redactUrlText, keep)
      : urlValue.test(value)
        ? redactUrlText(value)
        : value;
  // JSON from a sender writing Latin-1 or Windows-1252 is no UTF-8: read one char per byte, as XML is, so every byte
  // but the secrets' comes back unchanged.
  const encoding: BufferEncoding = isUtf8(body) ? 'utf8' : 'latin1';
  const text = body.toString(encoding);
  try {
    JSON.parse(text);
  } catch {
    return redactBrokenJson(body, text, encoding, isSecret, urlString, keep);
  }
  let spans: JsonSpan[];
  try {
    spans = jsonSecretSpans(text, isSecret, urlString, keep);
  } catch {
    // Nested too deep to walk: re-serialise (formatting is lost, the secrets are not kept).
    // (Array indexes arrive as keys "0", "1"…, which no secret name matches.)
    const reviver = (key: string, value: unknown) =>
      isSecret(key) && value !== null && !(typeof value === 'string' && keep(value))
        ? redactedMarker
        : typeof value === 'string'
          ? urlString(value)
          : value;
    return Buffer.from(JSON.stringify(JSON.parse(text, reviver)), encoding);
  }
  if (spans.length === 0) return body;
  let out = '';
  let at = 0;
  for (const [start, end, replacement] of spans) {
    out += text.slice(at, start) + JSON.stringify(replacement ?? redactedMarker);
    at = end;
  }
  return Buffer.from(out + text.slice(at), encoding);
}

/**
 * JSON that does not parse (a body cut off at the size limit, a sender's typo) still carries its secrets: each
 * `"name": value` pair whose name is secret gets its value (a string, even one cut off, or a bare number or word)
 * replaced. Looser than the walk over valid JSON: text inside a string that looks like a pair may be redacted too.
 */
function redactBrokenJson(
  body: Buffer,
  text: string,
  encoding: BufferEncoding,
  isSecret: (n: string) => boolean,
  redactString: (value: string) => string,
  keep: (value: string) => boolean,
): Buffer {
  let changed = false;
  const out = text.replace(BROKEN_JSON_PAIR, (pair: string, key: string, value: string) => {
    let name = key;
    try {
      name = JSON.parse(`"${key}"`) as string;
    } catch {
      // An escape cut off: the raw name is the best guess.
    }
    if (value === 'null' || (isSecret(name) && keep(brokenJsonValueText(value)))) return pair;
    const before = pair.slice(0, pair.length - value.length);
    if (!isSecret(name)) {
      // A string value that is a URL, even one cut off: its secret query values and password.
      if (!value.startsWith('"')) return pair;
      let string: string;
      try {
        string = JSON.parse(value.length > 1 && value.endsWith('"') ? value : `${value}"`) as string;
      } catch {
        return pair;
      }
      const redacted = redactString(string);
      if (redacted === string) return pair;
      changed = true;
      return `${before}${JSON.stringify(redacted)}`;
    }
    changed = true;
    return `${before}${JSON.stringify(redactedMarker)}`;
  });
  return changed ? Buffer.from(out, encoding) : body;
}

// A saved webhook's unquoted `{{variable}}` is read whole, so that `keep` can see it.
const BROKEN_JSON_PAIR = /"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"?|\{\{[^{}]*\}\}|[^\s,\]}"]+)/g;

/** A broken-JSON pair's value as text: a string's content (even cut off), anything else as written. */
function brokenJsonValueText(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value.length > 1 && value.endsWith('"') ? value : `${value}"`) as string;
  } catch {
    return value;
  }
}

/** Where a value to hide is in JSON text, and what goes there instead (the marker when none is given). */
type JsonSpan = [start: number, end: number, replacement?: string];

/**
 * Where, in valid JSON text, the values of secret-named keys are, and the string values `redactString` changes
 * (outermost only, in order). `null` values are left: there is nothing to hide.
 */
function jsonSecretSpans(
  text: string,
  isSecret: (n: string) => boolean,
  redactString: (value: string) => string,
  keep: (value: string) => boolean,
): JsonSpan[] {
  const found: JsonSpan[] = [];
  let i = 0;
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
      i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return text.slice(start, i);
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          const key = JSON.parse(string()) as string;
          space();
          i++; // :
          space();
          const start = i;
          value();
          const raw = text.slice(start, i);
          if (isSecret(key) && raw !== 'null' && !(raw.startsWith('"') && keep(JSON.parse(raw) as string)))
            found.push([start, i]);
        } else value();
        space();
        if (text[i++] !== ',') return;
      }
    }
    if (c === '"') {
      const start = i;
      const raw = string();
      // Only a URL with a query, a fragment or user info, or JSON, can hold a secret.
      if (!/[?#@]/.test(raw) && !/^"(?:\s|\\[nrt])*[[{]/.test(raw)) return;
      const value = JSON.parse(raw) as string;
      const redacted = redactString(value);
      if (redacted !== value) found.push([start, i, redacted]);
      return;
    }
    while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++;
  };
  value();
  // Inner spans are found before the outer ones that hold them: keep the outermost (a secret key's whole value over
  // the URL it is).
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1] || (a[2] === undefined ? -1 : b[2] === undefined ? 1 : 0));
  const kept: JsonSpan[] = [];
  for (const span of found) if (kept.length === 0 || span[0] >= kept[kept.length - 1]![1]) kept.push(span);
  return kept;
}

function spliceSpans(body: Buffer, spans: Array<[number, number]>, replacement: Buffer): Buffer {
  if (spans.length === 0) return body;
  const pieces: Buffer[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    pieces.push(body.subarray(at, start), replacement);
    at = end;
  }
  pieces.push(body.subarray(at));
  return Buffer.concat(pieces);
}
