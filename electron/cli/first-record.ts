import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { JSONParser } from '@streamparser/json';
import { flattenObject, recordsFromFile, type RowError } from '../shared/send/merge-fields';
import { rowsEncoding, rowsText } from '../shared/send/rows-text';

/** How much of a file is read looking for its first record: a contact export can be gigabytes, one contact is not. */
export const firstRecordReadLimit = 16 * 1024 * 1024;

export type FirstRecord =
  | { record: Record<string, string> }
  | { record: null; errors: RowError[] }
  | { record: null; overLimit: true }
  /** Not UTF-8 (nor UTF-16 with its byte-order mark): where, as `rowsText` says it. */
  | { record: null; notText: string };

/**
 * The first record of a CSV or JSON data file, as `recordsFromFile` would list it first, reading only as far as it
 * ends. A file read to its end is parsed whole, so a file without a record gets the same errors as in the app.
 */
export function firstRecordInFile(
  path: string,
  kind: 'csv' | 'json',
  limit = firstRecordReadLimit,
): FirstRecord {
  const fd = openSync(path, 'r');
  try {
    let decoder: TextDecoder | null = null;
    const chunks: Buffer[] = [];
    const json = kind === 'json' ? firstJsonObject() : null;
    let text = '';
    let read = 0;
    // Growing reads keep the CSV's re-parsing of the text so far linear in what is read.
    for (let size = 64 * 1024; ; size = Math.min(size * 2, 4 * 1024 * 1024)) {
      const buffer = Buffer.alloc(size);
      const n = readSync(fd, buffer, 0, size, read);
      const bytes = buffer.subarray(0, n);
      chunks.push(bytes);
      decoder ??= new TextDecoder(rowsEncoding(bytes), { fatal: true, ignoreBOM: true });
      let chunk: string;
      try {
        chunk = decoder.decode(bytes, { stream: n > 0 });
      } catch {
        return { record: null, notText: notTextReason(Buffer.concat(chunks)) };
      }
      if (n === 0) {
        const { rows, errors } = recordsFromFile(text + chunk, kind);
        return rows[0] ? { record: rows[0] } : { record: null, errors };
      }
      read += n;
      text += chunk;
      const found = json ? json.write(chunk) : firstCompleteCsvRow(text);
      if (found) return { record: found };
      if (read >= limit) return { record: null, overLimit: true };
    }
  } finally {
    closeSync(fd);
  }
}

/** What `rowsText` says of bytes a strict decoder refused (it names the line). */
function notTextReason(bytes: Uint8Array): string {
  const read = rowsText(bytes);
  return 'error' in read ? read.error : 'not UTF-8 text';
}

/** The first row once a second one has begun after it (so the first is not cut off by the end of the text). */
function firstCompleteCsvRow(text: string): Record<string, string> | null {
  const { rows } = recordsFromFile(text, 'csv');
  return rows.length >= 2 ? rows[0]! : null;
}

/** Fed the text a chunk at a time: the first object of a top-level array, or a top-level object. */
function firstJsonObject() {
  let parser: JSONParser | null = null;
  let found: Record<string, string> | null = null;
  let broken = false;
  let start = '';
  return {
    write(chunk: string): Record<string, string> | null {
      if (broken) return null;
      if (!parser) {
        start += chunk;
        const first = /\S/.exec(start.replace(/^\uFEFF/, ''))?.[0];
        if (!first) return null;
        parser = new JSONParser({ paths: first === '[' ? ['$.*'] : ['$'], keepStack: false });
        parser.onValue = ({ value }) => {
          if (!found && value !== null && typeof value === 'object' && !Array.isArray(value))
            found = flattenObject(value);
        };
        chunk = start.replace(/^\uFEFF/, '');
      }
      try {
        parser.write(chunk);
      } catch {
        // Invalid JSON: the whole file's parse at its end says where (or the read limit is reached first).
        broken = true;
      }
      return found;
    },
  };
}
