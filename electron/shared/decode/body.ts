import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { contentTypeHeaderOf, declaredCharsetText } from './charset';
import { doubleReadsAsSent } from './exact-decimal';
import { isMultipartType, multipartFields } from './multipart';
import { markXmlName, unmarkTree } from '../send/marked-names';
import { rememberNumberText } from './number-text';
import { withCharRefsRead } from './xml-char-refs';
import type { BodyFormat, DecodeInput } from './types';

/** Limits that keep decoding bounded whatever arrives. */
export const LIMITS = {
  /** Full decode parses bodies up to this size; larger ones get a reason instead. */
  maxParseBytes: 16 * 1024 * 1024,
  /** classifyCapture skips bodies over this size unless given a larger bound (background passes use maxParseBytes). */
  maxClassifyBytes: 64 * 1024,
  maxFormPairs: 10_000,
  maxBracketDepth: 32,
  /** XML is parsed up to this size (the parser is slower and recursive); larger XML is shown as text. */
  maxXmlBytes: 128 * 1024,
} as const;

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export interface ParsedBody {
  format: BodyFormat;
  value: unknown;
  text: string | null;
  reason: string | null;
  /** Form bodies: fields whose text had a stray `%`, kept literally (see parseForm). */
  strayPercent?: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function bytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const isJsonType = (ct: string | null) => {
  const t = mediaType(ct);
  return t === 'application/json' || t.endsWith('+json') || t === 'text/json';
};
export const isFormType = (ct: string | null) => mediaType(ct) === 'application/x-www-form-urlencoded';
export const isXmlType = (ct: string | null) => {
  const t = mediaType(ct);
  return t === 'application/xml' || t === 'text/xml' || t.endsWith('+xml');
};

const xmlOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
  // Every element name is marked, so the parser's prototype-pollution guard neither refuses nor renames any.
  transformTagName: markXmlName,
} as const;

/** XML as a plain tree of strings (attributes as `@name`), or null when it is not well-formed. */
function parseXml(text: string): { value: unknown; error: string | null } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { value: null, error: `line ${valid.err.line}: ${valid.err.msg}` };
  try {
    return { value: unmarkTree(new XMLParser(xmlOptions).parse(withCharRefsRead(text))), error: null };
  } catch (error) {
    return { value: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One line of `k=v&k2=v2` with no spaces around: what Ontraport's post data and PHP-style forms look like. */
const FORMISH = /^[^\s=&{}[\]<>"]+(\[[^\]\s]*\])*=[^\r\n]*$/;

/** Text the decoder reads as a form whatever its Content-Type says (none, or text/plain, as some senders send). */
export const looksLikeForm = (text: string) => FORMISH.test(text.trim());

/** `xml: false` keeps XML as text (the receiver's acknowledge path cannot afford the XML parser). */
export function parseBody(
  input: Pick<DecodeInput, 'body' | 'contentType' | 'harContentType'> & { headers?: DecodeInput['headers'] },
  maxBytes: number = LIMITS.maxParseBytes,
  options: { xml: boolean; exactNumbers?: boolean } = { xml: true },
): ParsedBody {
  const bytes = input.body;
  if (bytes.length === 0) return { format: 'empty', value: null, text: '', reason: null };
  if (bytes.length > maxBytes) {
    return {
      format: 'too-large',
      value: null,
      text: null,
      reason: `Body is ${bytes.length} bytes; decoding stops at ${maxBytes} bytes.`,
    };
  }
  // The boundary and charset are parameters, and captures keep only the media type: read them from the header as sent,
  // or from the whole type an imported capture was given without one.
  const contentTypeHeader = contentTypeHeaderOf(input.headers, input.harContentType ?? input.contentType);
  // Before the binary check: a form with a file upload is still a form, and its text fields are decoded.
  if (isMultipartType(input.contentType)) {
    const multipart = parseMultipartForm(bytes, contentTypeHeader);
    if (multipart) return multipart;
  }
  // UTF-16 text has NULs, so a declared charset is tried before the binary check.
  const declaredText = declaredCharsetText(bytes, contentTypeHeader);
  if (declaredText === null && looksBinary(bytes)) {
    return {
      format: 'binary',
      value: null,
      text: null,
      reason: `Body looks binary (${bytes.length} bytes); shown raw only.`,
    };
  }
  const text = declaredText ?? bytesToText(bytes);
  const trimmed = text.trimStart();
  const first = trimmed.charAt(0);
  const jsonish = first === '{' || first === '[';
  if (isJsonType(input.contentType) || jsonish) {
    try {
      return {
        format: 'json',
        value: options.exactNumbers ? parseJsonExact(text) : JSON.parse(text),
        text,
        reason: null,
      };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (jsonish || isJsonType(input.contentType)) {
        return {
          format: 'invalid-json',
          value: null,
          text,
          reason: `Body is not valid JSON (${why}); decoded as text.`,
        };
      }
    }
  }
  const trimmedText = text.trim();
  if (isHtml(input.contentType, trimmedText)) {
    return { format: 'text', value: null, text, reason: 'Body is HTML; shown as text, not decoded.' };
  }
  if (isXmlType(input.contentType) || (first === '<' && trimmedText.endsWith('>'))) {
    if (!options.xml) return { format: 'text', value: null, text, reason: null };
    if (bytes.length > LIMITS.maxXmlBytes) {
      return {
        format: 'text',
        value: null,
        text,
        reason: `XML body over ${LIMITS.maxXmlBytes} bytes; shown as text.`,
      };
    }
    const xml = parseXml(trimmedText);
    if (xml.error === null) return { format: 'xml', value: xml.value, text, reason: null };
    return {
      format: 'text',
      value: null,
      text,
      reason: `Body is not well-formed XML (${xml.error}); decoded as text.`,
    };
  }
  if (isFormType(input.contentType) || FORMISH.test(trimmedText)) {
    const form = parseForm(trimmedText);
    return {
      format: 'form',
      value: form.value,
      text,
      reason: form.truncated
        ? `Form body has more than ${LIMITS.maxFormPairs} pairs; the rest is not decoded.`
        : null,
      strayPercent: form.strayPercent,
    };
  }
  return { format: 'text', value: null, text, reason: 'Body is plain text (neither JSON nor form-encoded).' };
}

type ExactReviver = (this: object, key: string, value: unknown, context: { source?: string }) => unknown;
const jsonWithRaw = JSON as JSON & { rawJSON?: (text: string) => unknown };
// Sixteen or more significant digits in a row (a dot may sit among them): only then can a double round a number;
// or an exponent of three digits, which can take it past a double's range (1e400 → Infinity, 1e-400 → 0).
const LONG_NUMBER = /(?:\d\.?){16}|[eE][+-]?\d{3}/;
/** Where a `-0` (or `-0.0`, `-0e5`) may sit: a double keeps its sign, but String(-0) and JSON.stringify write `0`. */
const NEGATIVE_ZERO = /-0(?![1-9])/;
/** Where a number may be written otherwise than String() prints it: an exponent, a trailing zero, `0.0000001`. */
const OTHERWISE_WRITTEN = /\d[eE][+-]?\d|\.\d*0(?!\d)|\.0{6}/;

/** Whether a double lost the number outright: it overflowed to ±Infinity or a non-zero value underflowed to 0. */
const outOfRange = (value: number, source: string) =>
  !Number.isFinite(value) || (value === 0 && /[1-9]/.test(source.split(/[eE]/)[0]!));

const keepNumbersAsSent: ExactReviver = function (this: object, key, value, context) {
  const source = context?.source;
  if (typeof value !== 'number' || source === undefined || !jsonWithRaw.rawJSON) return value;
  if (outOfRange(value, source)) return jsonWithRaw.rawJSON(source);
  if (Object.is(value, -0)) return jsonWithRaw.rawJSON(source);
  if (!doubleReadsAsSent(source, value)) return jsonWithRaw.rawJSON(source);
  if (String(value) === source) return value;
  // Same value, other spelling (`1e2`, `1.50`): still a number, its text kept beside it for the tree.
  rememberNumberText(this, key, source);
  return value;
};

/**
 * JSON.parse, except that numbers a double would round (IDs beyond 2^53, long decimals) and negative zero are kept as the digits sent
 * (JSON.rawJSON, so JSON.stringify writes them back unchanged), and a number written otherwise than JavaScript prints
 * it keeps its text (see numberTextAt). Needs source-text access (Node ≥ 21, Chromium ≥ 114).
 */
export function parseJsonExact(text: string): unknown {
  if (!LONG_NUMBER.test(text) && !NEGATIVE_ZERO.test(text) && !OTHERWISE_WRITTEN.test(text))
    return JSON.parse(text);
  return JSON.parse(text, keepNumbersAsSent as Parameters<typeof JSON.parse>[1]);
}

const isHtml = (contentType: string | null, text: string) =>
  mediaType(contentType) === 'text/html' || /^<!doctype html[\s>]|^<html[\s>]/i.test(text);

function parseMultipartForm(bytes: Uint8Array, contentType: string | null): ParsedBody | null {
  const multipart = multipartFields(bytes, contentType);
  if (!multipart || multipart.fields.length + multipart.files.length === 0) return null;
  const fields = multipart.fields.slice(0, LIMITS.maxFormPairs);
  const notes = [
    `multipart body: ${multipart.fields.length} text field${multipart.fields.length === 1 ? '' : 's'} decoded`,
  ];
  if (multipart.files.length > 0) {
    const shown = multipart.files
      .slice(0, 5)
      .map(
        (f) => `${f.name ?? '(no name)'}${f.filename !== null ? ` (${f.filename})` : ''}, ${f.bytes} bytes`,
      );
    const more = multipart.files.length > 5 ? `, and ${multipart.files.length - 5} more` : '';
    notes.push(`file or binary parts not decoded (see the Body tab): ${shown.join('; ')}${more}`);
  }
  if (fields.length < multipart.fields.length)
    notes.push(`only the first ${LIMITS.maxFormPairs} fields are decoded`);
  if (multipart.error) notes.push(multipart.error);
  return { format: 'form', value: formTree(fields), text: null, reason: `${notes.join('; ')}.` };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// What the web reads "Latin-1" as: 0x80–0x9F are € ‚ … “ ” — (windows-1252), not invisible C1 controls.
const latin1 = new TextDecoder('windows-1252');
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/**
 * Percent-decoding that loses nothing: each run of %XX escapes is read as UTF-8 (as Latin-1 when it is not valid
 * UTF-8), and a `%` that starts no escape stays as it is. `stray` says one did.
 */
export function decodeComponent(s: string): { text: string; stray: boolean } {
  const plus = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!plus.includes('%')) return { text: plus, stray: false };
  try {
    return { text: decodeURIComponent(plus), stray: false };
  } catch {
    const text = plus.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      const bytes = new Uint8Array(run.length / 3);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
      try {
        return strictUtf8.decode(bytes);
      } catch {
        return latin1.decode(bytes);
      }
    });
    return { text, stray: STRAY_PERCENT.test(plus) };
  }
}

/**
 * A query string's or form body's name-value pairs in order, duplicates kept, each part read by decodeComponent: as
 * URLSearchParams splits them, but `Jos%E9` is "José" (as search and the Decoded tab read it), not "Jos\uFFFD".
 */
export function decodedPairs(text: string): [string, string][] {
  return decodedFields(text).map((field) => [field.name, field.value]);
}

export interface DecodedField {
  name: string;
  value: string;
  /** Written with no `=` (`?flag`): its value is '' as for `?flag=`, which is written differently. */
  noEquals: boolean;
}

/** decodedPairs, saying which fields were written with no `=`. */
export function decodedFields(text: string): DecodedField[] {
  const fields: DecodedField[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodeComponent(eq < 0 ? piece : piece.slice(0, eq)).text;
    const value = eq < 0 ? '' : decodeComponent(piece.slice(eq + 1)).text;
    fields.push({ name, value, noEquals: eq < 0 });
  }
  return fields;
}

/** Split `data[email]` into ['data', 'email']; `a[]` gives ['a', '']. Null when the key has no bracket syntax. */
function bracketPath(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return null;
  const parts = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.length > 0) {
    if (rest[0] !== '[') return null;
    const close = rest.indexOf(']');
    if (close < 0) return null;
    parts.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
    if (parts.length > LIMITS.maxBracketDepth) return null;
  }
  return parts;
}

const newObject = (): FormObject => Object.create(null) as FormObject;

function assign(target: FormObject, key: string, value: FormValue) {
  if (Object.hasOwn(target, key)) {
    const existing = target[key]!;
    if (Array.isArray(existing)) existing.push(value);
    else target[key] = [existing, value];
  } else {
    target[key] = value;
  }
}

/**
 * `application/x-www-form-urlencoded` with PHP bracket nesting (`event[type]=sub_tag` → {event: {type}}).
 * Repeated keys become arrays; keys that collide with a nested object keep both under the flat key.
 */
export function parseForm(text: string): {
  value: FormObject;
  pairs: [string, string][];
  truncated: boolean;
  /** Names of the fields whose key or value had a `%` that starts no %XX escape (kept literally). */
  strayPercent: string[];
} {
  const pairs: [string, string][] = [];
  const strayPercent: string[] = [];
  let truncated = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    const piece = text.slice(start, end);
    start = end + 1;
    if (piece === '') {
      if (end === text.length) break;
      continue;
    }
    if (pairs.length >= LIMITS.maxFormPairs) {
      truncated = true;
      break;
    }
    const eq = piece.indexOf('=');
    const key = decodeComponent(eq < 0 ? piece : piece.slice(0, eq));
    const value = eq < 0 ? { text: '', stray: false } : decodeComponent(piece.slice(eq + 1));
    if ((key.stray || value.stray) && strayPercent.length < 20) strayPercent.push(key.text);
    pairs.push([key.text, value.text]);
  }
  return { value: formTree(pairs), pairs, truncated, strayPercent };
}

/** Named values as PHP reads them: bracket nesting (`event[type]` → {event: {type}}), repeated keys as arrays. */
export function formTree(pairs: ReadonlyArray<readonly [string, string]>): FormObject {
  const root = newObject();
  for (const [key, value] of pairs) {
    const path = bracketPath(key);
    if (!path) {
      assign(root, key, value);
      continue;
    }
    let node = root;
    let ok = true;
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i]!;
      if (part === '') {
        // As PHP's parse_str: `e[][f]` starts a new element of e each time, so e[][f]=1&e[][f]=2 → [{f:1}, {f:2}].
        const list = Object.hasOwn(node, '') ? node[''] : undefined;
        const child = newObject();
        if (Array.isArray(list)) list.push(child);
        else if (list === undefined) node[''] = [child];
        else {
          ok = false;
          break;
        }
        node = child;
        continue;
      }
      const existing = Object.hasOwn(node, part) ? node[part] : undefined;
      if (existing === undefined) {
        const child = newObject();
        node[part] = child;
        node = child;
      } else if (typeof existing === 'object' && !Array.isArray(existing)) {
        node = existing;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) {
      assign(root, key, value);
      continue;
    }
    const last = path[path.length - 1]!;
    if (last === '') {
      const list = Object.hasOwn(node, '') ? node[''] : undefined;
      // `a[]=1&a[]=2` → a: ['1', '2'] is kept under the parent's key as a list.
      if (Array.isArray(list)) list.push(value);
      else node[''] = [value];
    } else {
      assign(node, last, value);
    }
  }
  collapseEmptyKeyLists(root, 0);
  return root;
}

/** Replace {'' : [..]} objects produced by `a[]=` with the list itself, in objects and in list elements. */
function collapseEmptyKeyLists(obj: FormObject, depth: number) {
  if (depth > LIMITS.maxBracketDepth) return;
  for (const key of Object.keys(obj)) obj[key] = collapsed(obj[key]!, depth);
}

function collapsed(v: FormValue, depth: number): FormValue {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = collapsed(v[i]!, depth + 1);
    return v;
  }
  if (typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '' && Array.isArray(v[''])) return collapsed(v['']!, depth);
  collapseEmptyKeyLists(v, depth + 1);
  return v;
}

/** Query strings use the same rules as form bodies. */
export function parseQuery(query: string): FormObject {
  return parseQueryForm(query).value;
}

/** parseQuery with parseForm's notes (stray `%`). */
export function parseQueryForm(query: string): { value: FormObject; strayPercent: string[] } {
  const q = query.startsWith('?') ? query.slice(1) : query;
  return q ? parseForm(q) : { value: newObject(), strayPercent: [] };
}
