/** multipart/* bodies (RFC 7578 form data and its relatives), read in Node and the browser alike. */
import { declaredCharsetText } from './charset';
import { headerParam } from './header-param';

export interface MultipartPart {
  headers: Array<[string, string]>;
  name: string | null;
  filename: string | null;
  contentType: string | null;
  body: Uint8Array;
}

export interface MultipartResult {
  parts: MultipartPart[];
  /** Why parsing stopped early, if it did. */
  error: string | null;
}

const enc = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const crlfcrlf = enc.encode('\r\n\r\n');
const lflf = enc.encode('\n\n');

export const isMultipartType = (contentType: string | null) =>
  (contentType ?? '').trimStart().toLowerCase().startsWith('multipart/');

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType) return null;
  return headerParam(contentType, (name) => name === 'boundary') || null;
}

/** Where `needle` next occurs in `haystack` from `from`, finding candidates with the native indexOf of its first byte. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return from;
  const last = haystack.length - needle.length;
  let i = haystack.indexOf(first, from);
  outer: while (i >= 0 && i <= last) {
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        i = haystack.indexOf(first, i + 1);
        continue outer;
      }
    }
    return i;
  }
  return -1;
}

function textOf(bytes: Uint8Array): string | null {
  try {
    const text = strictUtf8.decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

/** A Content-Disposition parameter: `name`, or its RFC 5987 `name*` form, whichever comes first. */
function dispositionParam(value: string, param: string): string | null {
  const wanted = param.toLowerCase();
  const raw = headerParam(value, (name) => name === wanted || name === `${wanted}*`);
  return raw === null ? null : extValue(raw);
}

/** An RFC 5987 `utf-8''…` value percent-decoded; anything else as it is. */
function extValue(raw: string): string {
  if (!/^utf-8''/i.test(raw)) return raw;
  try {
    return decodeURIComponent(raw.slice(7));
  } catch {
    return raw;
  }
}

/** A small RFC 7578 reader that keeps each part's own headers, which FormData would drop. */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartResult {
  const delimiter = enc.encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = indexOfBytes(body, delimiter);
  if (pos < 0) return { parts, error: `Boundary "${boundary}" not found in the body.` };
  for (;;) {
    let start = pos + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return { parts, error: null };
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    else if (body[start] === 0x0a) start += 1;
    const next = indexOfBytes(body, delimiter, start);
    // Without a closing boundary (a truncated capture, say) the last part runs to the end: keep what arrived.
    let end = next < 0 ? body.length : next;
    if (next >= 0 && body[end - 1] === 0x0a) end -= 1;
    if (next >= 0 && body[end - 1] === 0x0d) end -= 1;
    const section = body.subarray(start, Math.max(start, end));
    let headerEnd = indexOfBytes(section, crlfcrlf);
    let sepLength = 4;
    if (headerEnd < 0) {
      headerEnd = indexOfBytes(section, lflf);
      sepLength = 2;
    }
    const headerText = headerEnd < 0 ? '' : (textOf(section.subarray(0, headerEnd)) ?? '');
    const partBody = headerEnd < 0 ? section : section.subarray(headerEnd + sepLength);
    const headers: Array<[string, string]> = headerText
      .split(/\r?\n/)
      .filter(Boolean)
      .map((line) => {
        const colon = line.indexOf(':');
        return colon < 0 ? [line, ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      });
    const find = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1] ?? null;
    const disposition = find('content-disposition') ?? '';
    parts.push({
      headers,
      name: dispositionParam(disposition, 'name'),
      filename: dispositionParam(disposition, 'filename'),
      contentType: find('content-type'),
      body: partBody,
    });
    if (next < 0)
      return {
        parts,
        error: 'Body ends without a closing boundary (truncated?); the last part may be incomplete.',
      };
    pos = next;
  }
}

/** A part's body as text (in the charset its Content-Type declares, else UTF-8), or null when it is a file or binary. */
export function partText(part: MultipartPart): string | null {
  if (part.filename !== null) return null;
  const type = (part.contentType ?? 'text/plain').toLowerCase();
  if (!/^(text\/|application\/(json|xml|x-www-form-urlencoded)|[^/]+\/[^;]*\+(json|xml))/.test(type))
    return null;
  return declaredCharsetText(part.body, part.contentType) ?? textOf(part.body);
}

export interface MultipartFields {
  /** Named text parts as `[name, value]`, in order. */
  fields: Array<[string, string]>;
  /** Parts that are not text fields: files and binary parts. */
  files: Array<{ name: string | null; filename: string | null; contentType: string | null; bytes: number }>;
  error: string | null;
}

/** The form a multipart body carries: its text fields, and a list of what else it holds. */
export function multipartFields(body: Uint8Array, contentType: string | null): MultipartFields | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const { parts, error } = parseMultipart(body, boundary);
  const fields: MultipartFields['fields'] = [];
  const files: MultipartFields['files'] = [];
  for (const part of parts) {
    const text = partText(part);
    if (text !== null && part.name !== null) fields.push([part.name, text]);
    else
      files.push({
        name: part.name,
        filename: part.filename,
        contentType: part.contentType,
        bytes: part.body.length,
      });
  }
  return { fields, files, error };
}
