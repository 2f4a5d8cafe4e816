/**
 * Column and element names that cannot pass through a parser as they are: a plain object's `__proto__` setter
 * swallows that column (Papaparse builds plain row objects), and fast-xml-parser refuses `__proto__`, `constructor`
 * and `prototype` outright and renames `toString`, `valueOf` &c. Such a name is marked (a NUL in front) on the way in
 * and unmarked into a record without a prototype on the way out. A name that already starts with a NUL is marked
 * too, so unmarking gives back exactly the name that was sent.
 */
const MARK = '\0';

export const markName = (name: string): string => MARK + name;

export const unmarkName = (name: string): string => (name.startsWith(MARK) ? name.slice(1) : name);

/**
 * For fast-xml-parser's `transformTagName`, which it calls twice on a self-closing element: marks a name once. An
 * XML name cannot hold a NUL, so a name that starts with one was marked already.
 */
export const markXmlName = (name: string): string => (name.startsWith(MARK) ? name : markName(name));

/** The CSV header names Papaparse would lose: `__proto__`, and any that starts with the mark. */
export const markCsvHeader = (name: string): string =>
  name === '__proto__' || name.startsWith(MARK) ? markName(name) : name;

export const isMarked = (name: string): boolean => name.startsWith(MARK);

/** A parsed tree with every object key unmarked, each object without a prototype. */
export function unmarkTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unmarkTree);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    out[unmarkName(key)] = unmarkTree(item);
  return out;
}

/** A row with marked keys as a record without a prototype, keys unmarked, in the same order. */
export function unmarkRecord(row: Record<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(row)) out[unmarkName(key)] = row[key] as string;
  return out;
}
