import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import { ExactJsonParser, parseJsonExact } from './exact-integers';
import { csvColumnNames } from './csv-column-names';
import { isMarked, markCsvHeader, markXmlName, unmarkName, unmarkRecord, unmarkTree } from './marked-names';

export interface RowError {
  /** 1-based data row (the header line of a CSV is not counted). */
  row: number;
  message: string;
}

/**
 * A merge record without a prototype: a sender's key named `__proto__` is kept as a field (a plain object's setter
 * would drop it) and no key can reach Object.prototype.
 */
const emptyRecord = (): Record<string, string> => Object.create(null) as Record<string, string>;

/** Nested JSON to flat string fields: `{contact:{first_name:"A"}}` → `contact.first_name`; arrays index `tags.0`. */
export function flattenObject(
  value: unknown,
  prefix = '',
  out: Record<string, string> = emptyRecord(),
): Record<string, string> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = '';
  } else if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out[prefix] = '';
    value.forEach((item, index) => flattenObject(item, prefix ? `${prefix}.${index}` : String(index), out));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out[prefix] = '';
    for (const [key, item] of entries) flattenObject(item, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix || 'value'] = String(value);
  }
  return out;
}

/**
 * Rows of a CSV (first line = column names) or a JSON data file (an array of objects, or one object).
 * Malformed rows are left out of `rows` and named in `errors`, so nothing is sent from a half-read row.
 */
export function recordsFromFile(
  content: string,
  kind: 'csv' | 'json',
): { rows: Record<string, string>[]; errors: RowError[] } {
  return kind === 'csv' ? recordsFromCsv(content) : recordsFromJson(content);
}

/** The options for one parse of `text`, and its column names (complete once the header line is read). */
function csvOptions(text: string) {
  const columns = csvColumnNames(text);
  const options = {
    header: true,
    // Blank lines are read and left out in `csvRecords`: when Papaparse skips them, its quote errors still count them,
    // naming (and leaving out) a later row in place of the malformed one.
    skipEmptyLines: false,
    transformHeader: (header: string) => markCsvHeader(columns.name(header.trim())),
  } as const;
  return { options, columns };
}

type CsvColumns = ReturnType<typeof csvColumnNames>;

function recordsFromCsv(content: string): { rows: Record<string, string>[]; errors: RowError[] } {
  const text = content.replace(/^\uFEFF/, '');
  const { options, columns } = csvOptions(text);
  const parsed = Papa.parse<Record<string, string>>(text, options);
  return csvRecords(parsed.data, parsed.errors, parsed.meta, columns);
}

/**
 * `recordsFromFile` for a large file: the text is read a chunk (about 5,000 rows) per `nextTurn`, so a caller can let
 * other work run in between.
 */
export function recordsFromFileInTurns(
  content: string,
  kind: 'csv' | 'json',
  nextTurn: (resume: () => void) => void,
  chunkChars = 256 * 1024,
): Promise<{ rows: Record<string, string>[]; errors: RowError[] }> {
  if (kind === 'json') return recordsFromJsonInTurns(content, nextTurn, chunkChars);
  return new Promise((resolve, reject) => {
    const data: Record<string, string>[] = [];
    const errors: Papa.ParseError[] = [];
    let meta: Papa.ParseMeta | undefined;
    let first = true;
    const text = content.replace(/^\uFEFF/, '');
    const { options, columns } = csvOptions(text);
    Papa.parse<Record<string, string>>(text, {
      ...options,
      chunkSize: chunkChars,
      chunk: (results: Papa.ParseResult<Record<string, string>>, parser: Papa.Parser) => {
        // Quote errors count rows within the chunk (the first chunk's header row included), the others the whole file.
        const offset = first ? 0 : data.length + 1;
        first = false;
        for (const error of results.errors)
          errors.push(
            error.type === 'Quotes' && error.row !== undefined
              ? { ...error, row: error.row + offset }
              : error,
          );
        meta ??= results.meta;
        for (const row of results.data) data.push(row);
        parser.pause();
        nextTurn(() => parser.resume());
      },
      complete: () => {
        try {
          resolve(csvRecords(data, errors, meta, columns));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    });
  });
}

function csvRecords(
  data: Record<string, string>[],
  parseErrors: Papa.ParseError[],
  meta: Papa.ParseMeta | undefined,
  columns: CsvColumns,
): { rows: Record<string, string>[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const holdsValues = (as: string) => data.some((record) => (record[as] ?? '') !== '');
  const unnamed = columns.unnamed.map((column) => ({ ...column, holdsValues: holdsValues(column.as) }));
  // Excel's trailing empty columns (`Email,N,,`) are no columns: a row that leaves them out is whole.
  const dropped = new Set(
    unnamed.filter((c) => c.column > columns.lastNamedColumn && !c.holdsValues).map((c) => c.as),
  );
  const bad = new Set<number>();
  const reported = new Set<string>();
  // Data rows are numbered without the blank lines (only spaces or empty fields), as Papaparse's greedy skip left them.
  const blank = new Set<number>();
  const rowNumbers: number[] = [];
  for (const [index, record] of data.entries()) {
    if (isBlankRecord(record)) blank.add(index);
    rowNumbers.push(index + 1 - blank.size);
  }
  // One message a row: a malformed quote that is never closed is also reported as unterminated and as too few fields.
  const named = new Map<number, number>();
  const nameRow = (row: number, message: string, overrides: boolean) => {
    const at = named.get(row);
    if (at === undefined) named.set(row, errors.push({ row, message }) - 1);
    else if (overrides) errors[at] = { row, message };
  };
  for (const error of parseErrors) {
    // A one-column file has no delimiter to detect; papaparse falls back to ',' which is right.
    if (error.code === 'UndetectableDelimiter') continue;
    if (error.code === 'MissingQuotes') {
      // An unterminated quote runs to the end of the file, inside the last parsed row; Papaparse numbers the row
      // after it.
      if (data.length === 0) {
        // It began in the header line: there is no row to name.
        errors.push({
          row: 0,
          message: 'header: quoted field unterminated (it runs to the end of the file, so no row is read)',
        });
        continue;
      }
      const index = data.length - 1;
      bad.add(index);
      const row = rowNumbers[index]!;
      nameRow(
        row,
        `row ${row}: quoted field unterminated (it runs to the end of the file, so no later line is read)`,
        true,
      );
      continue;
    }
    // A missing `row` means the file as a whole. Papaparse numbers data rows from 0, but its quote errors count the
    // header line too (as `recordsFromFileInTurns` keeps them).
    if (error.row === undefined) {
      const message = `row 0: ${error.message}`;
      if (!reported.has(message)) errors.push({ row: 0, message });
      reported.add(message);
      continue;
    }
    const index = error.type === 'Quotes' ? error.row - 1 : error.row;
    // A blank line's missing fields are no error: the line is left out.
    if (blank.has(index)) continue;
    if (error.code === 'TooFewFields' && missesOnly(data[index], meta, dropped)) continue;
    bad.add(index);
    const row = rowNumbers[index] ?? index + 1 - blank.size;
    nameRow(row, `row ${row}: ${error.message}${missingColumns(error, data[index], meta, dropped)}`, false);
  }
  for (const { column, as, holdsValues } of unnamed)
    if (holdsValues)
      errors.push({
        row: 0,
        message: `header: column ${column} has no name (its values are read as "${as}")`,
      });
  for (const { as, original } of columns.renamed) {
    if (original === '') continue;
    errors.push({
      row: 0,
      message: `header: column "${original}" appears twice (the second is read as "${as}")`,
    });
  }
  // In place: copying 200k rows takes a third of a second.
  const kept = data;
  if (bad.size > 0 || blank.size > 0) {
    // Compacted in place: most files end with a line break, read as one blank line.
    let to = 0;
    for (let from = 0; from < data.length; from++)
      if (!bad.has(from) && !blank.has(from)) data[to++] = data[from]!;
    data.length = to;
  }
  for (const row of kept) {
    if (Object.hasOwn(row, '__parsed_extra')) delete row.__parsed_extra;
    for (const as of dropped) delete row[as];
  }
  // Copied only when a column had to be marked (a `__proto__` column), which is rare.
  const rows = meta?.fields?.some(isMarked) ? kept.map(unmarkRecord) : kept;
  return { rows, errors };
}

/** ` (no "N", "Tags")`: the columns a row with too few fields has no value for, so the message names them. */
function missingColumns(
  error: Papa.ParseError,
  record: Record<string, string> | undefined,
  meta: Papa.ParseMeta | undefined,
  dropped: ReadonlySet<string>,
): string {
  if (error.code !== 'TooFewFields' || !record || !meta?.fields) return '';
  const missing = meta.fields.filter((field) => !Object.hasOwn(record, field) && !dropped.has(field));
  if (missing.length === 0) return '';
  const shown = missing.slice(0, 5).map((field) => JSON.stringify(unmarkName(field)));
  return ` (no ${shown.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''})`;
}

/** Whether every column a row with too few fields has no value for is one left out (an empty trailing column). */
function missesOnly(
  record: Record<string, string> | undefined,
  meta: Papa.ParseMeta | undefined,
  dropped: ReadonlySet<string>,
): boolean {
  if (!record || !meta?.fields || dropped.size === 0) return false;
  return meta.fields.every((field) => Object.hasOwn(record, field) || dropped.has(field));
}

/** A line Papaparse's greedy `skipEmptyLines` leaves out: every field (and any extra one) empty or spaces only. */
function isBlankRecord(record: Record<string, string>): boolean {
  for (const key in record) {
    const value = record[key] as unknown;
    const values = Array.isArray(value) ? (value as string[]) : [value as string];
    if (values.some((v) => v.trim() !== '')) return false;
  }
  return true;
}

function recordsFromJson(content: string): { rows: Record<string, string>[]; errors: RowError[] } {
  let data: unknown;
  try {
    data = parseJsonExact(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = (error as Error).message;
    return {
      rows: [],
      errors: [{ row: 0, message: `file: not valid JSON (${why})${jsonLinesHint(content)}` }],
    };
  }
  if (!Array.isArray(data) && !isObject(data)) return { rows: [], errors: [notRows(data)] };
  const items = Array.isArray(data) ? data : [data];
  const rows: Record<string, string>[] = [];
  const errors: RowError[] = [];
  items.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row: index + 1, message: `row ${index + 1}: expected an object, got ${describe(item)}` });
    } else {
      rows.push(flattenObject(item));
    }
  });
  return { rows, errors };
}

/**
 * `recordsFromJson` a chunk per turn: one JSON.parse of 200k rows held the event loop for about 270 ms. A JSON error
 * anywhere refuses the whole file, as JSON.parse does, so no row of it is sent.
 */
async function recordsFromJsonInTurns(
  content: string,
  nextTurn: (resume: () => void) => void,
  chunkChars: number,
): Promise<{ rows: Record<string, string>[]; errors: RowError[] }> {
  const text = content.replace(/^\uFEFF/, '');
  const isArray = /^\s*\[/.test(text);
  // An array's items are taken one by one (and not kept in it); any other value is one row.
  const parser = new ExactJsonParser({ paths: isArray ? ['$.*'] : ['$'], keepStack: false });
  const rows: Record<string, string>[] = [];
  const errors: RowError[] = [];
  let count = 0;
  parser.onValue = ({ value }) => {
    const row = ++count;
    if (!isArray && !isObject(value)) {
      errors.push(notRows(value));
    } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ row, message: `row ${row}: expected an object, got ${describe(value)}` });
    } else {
      rows.push(flattenObject(value));
    }
  };
  const invalid = (why: string) => ({
    rows: [],
    errors: [{ row: 0, message: `file: not valid JSON (${why})${jsonLinesHint(text)}` }],
  });
  for (let at = 0; at < text.length; at += chunkChars) {
    if (at > 0) await new Promise<void>((resume) => nextTurn(resume));
    try {
      parser.write(text.slice(at, at + chunkChars));
    } catch (error) {
      const where = isArray && !parser.isEnded ? `, in row ${count + 1}` : '';
      return invalid(`${plainJsonError((error as Error).message)}${where}`);
    }
  }
  // The parser ends by itself after the top-level value (a number only at the end of the input).
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch {
      return invalid('Unexpected end of JSON input');
    }
  }
  if (count === 0 && !isArray) return invalid('Unexpected end of JSON input');
  return { rows, errors };
}

/**
 * A note for JSON Lines in a file read as JSON (a `.json` name, or one starting with `{`): its first line is an object
 * and the next starts another, which reads as broken JSON at the second row.
 */
function jsonLinesHint(text: string): string {
  const [first, second] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 64)
    .filter((line) => line.trim() !== '');
  if (!first?.trim().startsWith('{') || !second?.trim().startsWith('{')) return '';
  try {
    JSON.parse(first);
  } catch {
    return '';
  }
  return '; it looks like JSON Lines (one object a line): give the rows as a JSON array of objects, or a CSV file';
}

/** The parser's messages without its internal states: `unexpected "x" at byte 8`, `unexpected "]"`. */
function plainJsonError(message: string): string {
  const char = /^Unexpected (".*") at chunk position "\d+" \(absolute position "(\d+)"\)/.exec(message);
  if (char) return `unexpected ${char[1]} at byte ${char[2]}`;
  const token = /^Unexpected \w+ \((.*)\) in state \w+$/s.exec(message);
  if (!token) return message;
  const value = token[1]!;
  return `unexpected ${value.length > 40 ? `${value.slice(0, 40)}…` : value}`;
}

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'bigint'
        ? 'number'
        : typeof value;

const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A top-level number, string, boolean or null: no rows at all, which is the file's fault, not a row's. */
const notRows = (value: unknown): RowError => ({
  row: 0,
  message: `file: must be a JSON array of objects (or one object), got ${describe(value)}`,
});

/**
 * The fields of a captured payload as a merge record: JSON flattened to dotted paths, form bodies keep their
 * keys (`data[firstname]`, which merge lookup also finds as `firstname`), XML flattened like JSON.
 */
export function recordFromPayload(contentType: string | null, body: string): Record<string, string> {
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // text/plain says nothing of the format (AWS SNS labels its JSON so, some senders their forms): the body is read by
  // how it looks, as the inspector decodes it.
  const type = declared === 'text/plain' ? '' : declared;
  const trimmed = body.trim();
  if (type.includes('json') || (!type && /^[[{]/.test(trimmed))) {
    try {
      return flattenObject(parseJsonExact(trimmed));
    } catch {
      return {};
    }
  }
  if (type.includes('x-www-form-urlencoded') || (!type && /^[^\s=&]+=/.test(trimmed))) {
    const record = emptyRecord();
    for (const [key, value] of new URLSearchParams(trimmed)) {
      if (!Object.hasOwn(record, key)) record[key] = value;
    }
    return record;
  }
  if (type.includes('xml') || (!type && trimmed.startsWith('<'))) {
    try {
      // Every element name is marked, so none is refused or renamed by the parser's prototype-pollution guard.
      const parsed: unknown = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        transformTagName: markXmlName,
      }).parse(trimmed);
      return flattenObject(unmarkTree(parsed));
    } catch {
      return {};
    }
  }
  return {};
}
