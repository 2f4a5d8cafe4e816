/**
 * HAR request fields some tools write loosely (`null` for "none", a number as text). Each is read as what it plainly
 * means, with a warning naming the field, instead of refusing the whole entry.
 */

export interface HarNameValue {
  name: string;
  value: string;
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** A header list: `null` is none; a value that is `null` is empty, a number or boolean is its text. */
export function readHarHeaders(
  value: unknown,
  field: string,
): { headers: HarNameValue[]; warnings: string[] } {
  const warnings: string[] = [];
  if (value === undefined) return { headers: [], warnings };
  if (!Array.isArray(value)) {
    warnings.push(`${field}: not a list but ${kindOf(value)}; read as no headers`);
    return { headers: [], warnings };
  }
  const headers: HarNameValue[] = [];
  value.forEach((item: unknown, i) => {
    const at = `${field}[${i}]`;
    const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') {
      warnings.push(
        `${at}: no name (${typeof item === 'object' && item !== null ? `name is ${kindOf(name)}` : kindOf(item)}); left out`,
      );
      return;
    }
    const text = (item as { value?: unknown }).value;
    if (typeof text === 'string') headers.push({ name, value: text });
    else if (typeof text === 'number' || typeof text === 'boolean') {
      warnings.push(`${at}.value: ${kindOf(text)}, not text; read as ${JSON.stringify(String(text))}`);
      headers.push({ name, value: String(text) });
    } else {
      warnings.push(`${at}.value: ${text === undefined ? 'missing' : kindOf(text)}; read as an empty value`);
      headers.push({ name, value: '' });
    }
  });
  return { headers, warnings };
}

/** bodySize: a number, or digits written as text; anything else is not known. */
export function readHarBodySize(
  value: unknown,
  field: string,
): { bodySize: number | undefined; warning: string | null } {
  if (value === undefined || typeof value === 'number') return { bodySize: value, warning: null };
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value))
    return { bodySize: Number(value), warning: `${field}: text, not a number; read as ${Number(value)}` };
  return { bodySize: undefined, warning: `${field}: not a number but ${kindOf(value)}; ignored` };
}

/** httpVersion: text, a number as its text; `null` and the like are not given (HTTP/1.1). */
export function readHarVersionText(
  value: unknown,
  field: string,
): { version: string | undefined; warning: string | null } {
  if (value === undefined || typeof value === 'string') return { version: value, warning: null };
  if (typeof value === 'number')
    return {
      version: String(value),
      warning: `${field}: a number, not text; read as ${JSON.stringify(String(value))}`,
    };
  return { version: undefined, warning: `${field}: not text but ${kindOf(value)}; read as HTTP/1.1` };
}
