import { bytesToText, indexOfBytes } from './bytes';

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

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function dispositionParam(value: string, param: string): string | null {
  const re = new RegExp(`;\\s*${param}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
  const match = re.exec(value);
  if (!match) return null;
  const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '').trim();
  if (/^utf-8''/i.test(raw)) {
    try {
      return decodeURIComponent(raw.slice(7));
    } catch {
      return raw;
    }
  }
  return raw;
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
    if (next < 0) return { parts, error: 'Body ends without a closing boundary (truncated?).' };
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    const section = body.subarray(start, end);
    let headerEnd = indexOfBytes(section, enc.encode('\r\n\r\n'));
    let sepLength = 4;
    if (headerEnd < 0) {
      headerEnd = indexOfBytes(section, enc.encode('\n\n'));
      sepLength = 2;
    }
    const headerText = headerEnd < 0 ? '' : (bytesToText(section.subarray(0, headerEnd)) ?? '');
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
    pos = next;
  }
}
