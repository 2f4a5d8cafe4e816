import Papa from 'papaparse';
import { escapedOnExport, unescapeFormulaCell } from '../csv/formula-cells';
import { displayTypeProblem } from './display-types';
import { findDuplicateKeys } from './duplicate-keys';
import type { CustomDictionary, CustomEntry } from './types';
import type { CustomDictionaryInfo } from '../contract/decode';

/** Compile stored custom entries for lookup. Later entries win over earlier ones. */
export function compileCustomDictionary(entries: Iterable<CustomEntry>): CustomDictionary {
  const fields = new Map<string, CustomEntry>();
  const activityAttributes = new Map<string, Map<string, CustomEntry>>();
  let size = 0;
  for (const e of entries) {
    size++;
    if (e.activityId) {
      let m = activityAttributes.get(e.activityId);
      if (!m) activityAttributes.set(e.activityId, (m = new Map()));
      m.set(e.fieldId, e);
    } else {
      fields.set(e.fieldId, e);
    }
  }
  return { fields, activityAttributes, size };
}

export interface ImportResult {
  entries: CustomEntry[];
  skipped: number;
  /** One line per rejected row or item, naming it and the field that was wrong. */
  errors: string[];
  /** The source a Hookscope export records its dictionary came from (`dictionary.custom.export`, JSON). */
  exportedSource?: DictionarySource;
}

type DictionarySource = CustomDictionaryInfo['source'];
const SOURCES: readonly DictionarySource[] = ['ortto-schema', 'csv', 'json', 'manual'];
const isSource = (v: unknown): v is DictionarySource => SOURCES.includes(v as DictionarySource);

const MAX_ENTRIES = 50_000;
/** Where each ID of an import was first listed, so one listed twice keeps the later label and says so. */
const listedAt = new WeakMap<ImportResult, Map<string, { index: number; where: string }>>();
/** The rows of an import past MAX_ENTRIES: how many, and where the first of them was. */
const overLimit = new WeakMap<ImportResult, { count: number; from: string }>();

/** The import's result, with one line (first, as it concerns the whole import) for the rows past the limit. */
function finished(out: ImportResult): ImportResult {
  const over = overLimit.get(out);
  if (over)
    out.errors.unshift(
      `more than ${MAX_ENTRIES} entries: the ${over.count} from ${over.from} on were left out`,
    );
  return out;
}
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;

/** As long as a stored display type may be (the contract's `customEntry`), one taken as given included. */
const MAX_DISPLAY_TYPE = 60;

/**
 * Check one entry; returns an error message naming the field, or null. `anyDisplayType` takes the display type as
 * given (an instance schema is Ortto's own word); otherwise it must be a known one.
 */
export function validateEntry(
  e: {
    fieldId: unknown;
    label: unknown;
    activityId?: unknown;
    displayType?: unknown;
  },
  anyDisplayType = false,
): string | null {
  const fieldId = text(e.fieldId);
  if (!fieldId) return 'fieldId is missing';
  if (fieldId.length > 160) return `fieldId "${fieldId.slice(0, 40)}…" is longer than 160 characters`;
  if (/\s/.test(fieldId)) return `fieldId "${fieldId}" contains whitespace`;
  const label = text(e.label);
  if (!label) return `label is missing for ${fieldId}`;
  if (label.length > 300) return `label for ${fieldId} is longer than 300 characters`;
  if (e.activityId !== undefined && e.activityId !== null && e.activityId !== '') {
    const a = text(e.activityId);
    if (!a || !a.startsWith('act:')) return `activityId for ${fieldId} must be an activity ID (act:…)`;
  }
  const displayType = text(e.displayType);
  if (displayType && displayType.length > MAX_DISPLAY_TYPE)
    return `display_type for ${fieldId} is longer than ${MAX_DISPLAY_TYPE} characters`;
  const displayProblem = anyDisplayType ? null : displayTypeProblem(displayType);
  if (displayProblem) return `display_type for ${fieldId}: ${displayProblem}`;
  return null;
}

function entry(
  fieldId: unknown,
  label: unknown,
  activityId: unknown,
  displayType: unknown,
  where: string,
  out: ImportResult,
  anyDisplayType = false,
) {
  const problem = validateEntry({ fieldId, label, activityId, displayType }, anyDisplayType);
  if (problem) {
    out.skipped++;
    if (out.errors.length < 100) out.errors.push(`${where}: ${problem}`);
    return;
  }
  const a = text(activityId);
  const d = text(displayType);
  const e: CustomEntry = {
    fieldId: text(fieldId)!,
    label: text(label)!,
    activityId: a ? a : null,
    displayType: d ? d : null,
  };
  let seen = listedAt.get(out);
  if (!seen) listedAt.set(out, (seen = new Map()));
  const key = `${e.activityId ?? ''} ${e.fieldId}`;
  const earlier = seen.get(key);
  if (earlier) {
    // One entry per ID (and activity) is stored: the later one replaces the earlier, as a later import would.
    out.entries[earlier.index] = e;
    out.skipped++;
    if (out.errors.length < 100)
      out.errors.push(
        `${where}: ${e.fieldId}${e.activityId ? ` in ${e.activityId}` : ''} is listed again (first at ${earlier.where}); this later label is kept`,
      );
    return;
  }
  if (out.entries.length >= MAX_ENTRIES) {
    out.skipped++;
    const over = overLimit.get(out);
    overLimit.set(out, { count: (over?.count ?? 0) + 1, from: over?.from ?? where });
    return;
  }
  seen.set(key, { index: out.entries.length, where });
  out.entries.push(e);
}

/** A file saved with a byte-order mark (Notepad, Excel) reads as text starting with U+FEFF, which JSON.parse refuses. */
const withoutBom = (content: string) => (content.startsWith('\uFEFF') ? content.slice(1) : content);

function parseJson(content: string): unknown {
  try {
    return JSON.parse(withoutBom(content));
  } catch (error) {
    throw new Error(`content: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}

/** The schema inside `{data: …}` or `{data: "<json>"}` (a recorded API response), up to two levels deep. */
function unwrapSchema(parsed: unknown): unknown {
  let doc = parsed;
  for (let i = 0; i < 2 && isRecord(doc) && !isRecord(doc.namespaces) && doc.data !== undefined; i++) {
    try {
      doc = typeof doc.data === 'string' ? parseJson(doc.data) : doc.data;
    } catch {
      return doc;
    }
  }
  return doc;
}

/** Whether JSON text is an Ortto instance schema, bare or wrapped as a recorded response (`{data: …}`). */
export function isInstanceSchema(content: string): boolean {
  try {
    const doc = unwrapSchema(parseJson(content));
    return isRecord(doc) && isRecord(doc.namespaces);
  } catch {
    return false;
  }
}

const QUOTED_KEY_CHARACTERS = 40;

/** A key of the imported file as a problem line quotes it: cut short, as a key of any length may stand there. */
function quotedKey(key: string): string {
  const chars = [...key];
  return chars.length > QUOTED_KEY_CHARACTERS
    ? `"${chars.slice(0, QUOTED_KEY_CHARACTERS).join('')}…"`
    : `"${key}"`;
}

/** The body `POST /v1/instance-schema/get` returns (also accepted wrapped as {data: …} or {data: "<json>"}). */
export function parseInstanceSchema(content: string): ImportResult {
  const doc = unwrapSchema(parseJson(content));
  if (!isRecord(doc) || !isRecord(doc.namespaces)) {
    throw new Error(
      'content: an Ortto instance schema has a "namespaces" object (the response of /v1/instance-schema/get)',
    );
  }
  const out: ImportResult = { entries: [], skipped: 0, errors: [] };
  for (const [nsName, ns] of Object.entries(doc.namespaces)) {
    if (!isRecord(ns) || !isRecord(ns.fields)) continue;
    for (const [key, field] of Object.entries(ns.fields)) {
      if (!isRecord(field)) continue;
      const id = text(field.id) ?? key;
      entry(
        id,
        field.name,
        null,
        field.display_type,
        `namespaces[${quotedKey(nsName)}].fields[${quotedKey(key)}]`,
        out,
        true,
      );
      if (Array.isArray(field.attributes)) {
        field.attributes.forEach((attr, i) => {
          if (!isRecord(attr)) return;
          entry(
            attr.id,
            attr.name,
            id,
            attr.display_type,
            `namespaces[${quotedKey(nsName)}].fields[${quotedKey(key)}].attributes[${i}]`,
            out,
            true,
          );
        });
      }
    }
  }
  return finished(out);
}

/**
 * The display type column of a CSV export. Named apart from a hand-written `display_type` because its values are
 * taken as given: an export holds what the store already took, display types an instance schema gave included
 * (checked against the list, the export → import round trip would drop those entries).
 */
const AS_STORED_DISPLAY_TYPE = 'ortto_display_type';

/**
 * The header words of the ID and label columns. `Field,Label` and `Key,Value` are headers too: read as a row they
 * became an entry labelling the ID "Field" without a word. Listed by preference, for a header with more than one.
 */
const ID_HEADS = ['id', 'fieldid', 'field', 'key'];
const LABEL_HEADS = ['label', 'name', 'fieldname', 'value'];

/**
 * CSV with columns id,label[,activity][,display_type]; a header row is recognised and skipped. An export's
 * `ortto_display_type` column (see `entriesToCsv`) is taken as given.
 */
export function parseLabelCsv(content: string): ImportResult {
  // Blank lines are read and left out below, so a row is named by its number as a spreadsheet shows the file. They
  // would spoil Papaparse's delimiter guess, so that is taken from a parse that skips them. A guess that found none
  // is not reported: ',' is right for a one-column file, whose rows are each refused naming the missing label.
  const guess = Papa.parse<string[]>(content, { skipEmptyLines: 'greedy', preview: 100 });
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: false, delimiter: guess.meta.delimiter });
  const out: ImportResult = { entries: [], skipped: 0, errors: [] };
  let rows = parsed.data
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  let cols = { id: 0, label: 1, activity: 2, display: 3 };
  let displayAsGiven = false;
  // `Field ID`, `field_id`, `Display-Type`: a header is read as its words, as people and spreadsheets write it.
  const head = rows[0]?.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ''),
  );
  if (head && head.some((h) => ID_HEADS.includes(h)) && head.some((h) => LABEL_HEADS.includes(h))) {
    // The first of the names the header has, in the order given: `id,name,label` labels with `label`.
    const find = (...names: string[]) => {
      for (const name of names) if (head.includes(name)) return head.indexOf(name);
      return -1;
    };
    const checked = find('displaytype', 'type');
    const asStored = find(AS_STORED_DISPLAY_TYPE.replace(/_/g, ''));
    displayAsGiven = checked < 0 && asStored >= 0;
    cols = {
      id: find(...ID_HEADS),
      label: find(...LABEL_HEADS),
      activity: find('activity', 'activityid'),
      display: displayAsGiven ? asStored : checked,
    };
    rows = rows.slice(1);
  }
  // A quote left open swallows the rows after it into one cell: that row is not an entry (its parse error says why).
  const badQuotes = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => (e.row ?? 0) + 1));
  for (const { cells, row } of rows) {
    if (badQuotes.has(row)) {
      out.skipped++;
      continue;
    }
    const at = (c: number) => {
      const cell = c >= 0 ? cells[c] : undefined;
      return cell === undefined ? undefined : unescapeFormulaCell(cell);
    };
    entry(
      at(cols.id),
      at(cols.label),
      at(cols.activity),
      at(cols.display),
      `row ${row}`,
      out,
      displayAsGiven,
    );
  }
  for (const e of parsed.errors.slice(0, 10)) out.errors.push(`row ${(e.row ?? 0) + 1}: ${e.message}`);
  return finished(out);
}

/** JSON: {"id": "label"}, {"id": {label, activity?, display_type?}}, an array of entries, or an export ({entries}). */
export function parseLabelJson(content: string): ImportResult {
  const doc = parseJson(content);
  const out: ImportResult = { entries: [], skipped: 0, errors: [] };
  const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.entries) ? doc.entries : null;
  // A Hookscope export ({name, source, entries}) holds what the store already took, display types an instance schema
  // gave included: take them as given, or the export → import round trip drops those entries.
  const isExport = isRecord(doc) && Array.isArray(doc.entries) && typeof doc.source === 'string';
  if (isExport && isSource(doc.source)) out.exportedSource = doc.source;
  if (list) {
    list.forEach((item, i) => {
      if (!isRecord(item)) {
        out.skipped++;
        if (out.errors.length < 100) out.errors.push(`[${i}]: expected an object with fieldId and label`);
        return;
      }
      entry(
        item.fieldId ?? item.id ?? item.field_id,
        item.label ?? item.name,
        item.activityId ?? item.activity ?? item.activity_id,
        item.displayType ?? item.display_type,
        `[${i}]`,
        out,
        isExport,
      );
    });
    return finished(out);
  }
  if (!isRecord(doc)) throw new Error('content: expected a JSON object of id → label or an array of entries');
  if (isInstanceSchema(content)) return parseInstanceSchema(content);
  // JSON.parse keeps the last of a repeated key without a word: say which labels were dropped.
  for (const d of findDuplicateKeys(content, 100).filter((d) => d.objectPath === '$')) {
    out.skipped += d.count - 1;
    if (out.errors.length < 100)
      out.errors.push(`${quotedKey(d.key)}: listed ${d.count} times; only the last label is kept`);
  }
  for (const [id, v] of Object.entries(doc)) {
    if (typeof v === 'string') entry(id, v, null, null, quotedKey(id), out);
    else if (isRecord(v))
      entry(
        id,
        v.label ?? v.name,
        v.activityId ?? v.activity,
        v.displayType ?? v.display_type,
        quotedKey(id),
        out,
      );
    else {
      out.skipped++;
      if (out.errors.length < 100)
        out.errors.push(`${quotedKey(id)}: expected a label string or an object with label`);
    }
  }
  return finished(out);
}

/**
 * JSON read as CSV imports its braces and quoted keys as junk rows: no CSV of IDs and labels starts with `{` or `[`,
 * so such a file is refused, naming the format (as the import form calls it) that reads it.
 */
function refuseJsonAsCsv(content: string) {
  const first = content.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return;
  const format = isInstanceSchema(content) ? 'Ortto instance schema' : 'JSON';
  throw new Error(
    `content: starts with "${first}" and looks like JSON, not CSV; choose the "${format}" format`,
  );
}

export type ImportFormat = 'ortto-schema' | 'csv' | 'json' | 'auto';

export function parseCustomDictionary(given: string, format: ImportFormat): ImportResult {
  const content = withoutBom(given);
  switch (format) {
    case 'ortto-schema':
      return parseInstanceSchema(content);
    case 'csv':
      refuseJsonAsCsv(content);
      return parseLabelCsv(content);
    case 'json':
      return parseLabelJson(content);
    case 'auto': {
      const first = content.trimStart().charAt(0);
      return first === '{' || first === '[' ? parseLabelJson(content) : parseLabelCsv(content);
    }
  }
}

export function entriesToCsv(entries: CustomEntry[]): string {
  // A label is free text: one starting with "=" must not run as a formula in the spreadsheet it is opened in.
  return Papa.unparse(
    {
      fields: ['id', 'label', 'activity', AS_STORED_DISPLAY_TYPE],
      data: entries.map((e) => [e.fieldId, e.label, e.activityId ?? '', e.displayType ?? '']),
    },
    { escapeFormulae: escapedOnExport },
  );
}
