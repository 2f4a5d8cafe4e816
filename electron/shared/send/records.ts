import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';

export interface RowError {
  /** 1-based data row (the header line of a CSV is not counted). */
  row: number;
  message: string;
}

/** Nested JSON to flat string fields: `{contact:{first_name:"A"}}` → `contact.first_name`; arrays index `tags.0`. */
export function flattenObject(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
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

function recordsFromCsv(content: string): { rows: Record<string, string>[]; errors: RowError[] } {
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
  });
  const errors: RowError[] = [];
  const bad = new Set<number>();
  for (const error of parsed.errors) {
    // A one-column file has no delimiter to detect; papaparse falls back to ',' which is right.
    if (error.code === 'UndetectableDelimiter') continue;
    if (error.code === 'MissingQuotes') {
      // An unterminated quote runs to the end of the file, inside the last parsed row; Papaparse numbers the row
      // after it.
      const index = parsed.data.length - 1;
      bad.add(index);
      errors.push({
        row: index + 1,
        message: `row ${index + 1}: quoted field unterminated (it runs to the end of the file, so no later line is read)`,
      });
      continue;
    }
    // Papaparse reports data-row indexes from 0; a missing `row` means the file as a whole.
    const row = error.row === undefined ? 0 : error.row + 1;
    if (error.row !== undefined) bad.add(error.row);
    errors.push({ row, message: `row ${row}: ${error.message}` });
  }
  const renamed = (parsed.meta as { renamedHeaders?: Record<string, string> }).renamedHeaders ?? {};
  for (const [as, original] of Object.entries(renamed)) {
    errors.push({
      row: 0,
      message: `header: column "${original}" appears twice (the second is read as "${as}")`,
    });
  }
  const rows: Record<string, string>[] = [];
  parsed.data.forEach((data, index) => {
    if (bad.has(index)) return;
    const row: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key === '__parsed_extra') continue;
      row[key] = value ?? '';
    }
    rows.push(row);
  });
  return { rows, errors };
}

function recordsFromJson(content: string): { rows: Record<string, string>[]; errors: RowError[] } {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rows: [], errors: [{ row: 0, message: `file: not valid JSON (${(error as Error).message})` }] };
  }
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

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/**
 * The fields of a captured payload as a merge record: JSON flattened to dotted paths, form bodies keep their
 * keys (`data[firstname]`, which merge lookup also finds as `firstname`), XML flattened like JSON.
 */
export function recordFromPayload(contentType: string | null, body: string): Record<string, string> {
  const type = (contentType ?? '').toLowerCase();
  const trimmed = body.trim();
  if (type.includes('json') || (!type && /^[[{]/.test(trimmed))) {
    try {
      return flattenObject(JSON.parse(trimmed));
    } catch {
      return {};
    }
  }
  if (type.includes('x-www-form-urlencoded') || (!type && /^[^\s=&]+=/.test(trimmed))) {
    const record: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(trimmed)) {
      if (!Object.hasOwn(record, key)) record[key] = value;
    }
    return record;
  }
  if (type.includes('xml') || (!type && trimmed.startsWith('<'))) {
    try {
      const parsed: unknown = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(trimmed);
      return flattenObject(parsed);
    } catch {
      return {};
    }
  }
  return {};
}
