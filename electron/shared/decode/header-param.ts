/** One parameter of a header value: its lower-cased name, its value unquoted, and where `; name=value` stands. */
export interface HeaderParamSpan {
  name: string;
  value: string;
  /** The index of the `;` that opens it. */
  start: number;
  /** The index of the `;` that opens the next one, or the header's length. */
  end: number;
}

/**
 * The parameters of a header value (`type; a=1; b="x"`) in order, read one at a time: a `; b=` inside another one's
 * quoted value (`x="; boundary=fake"`, or a browser's `filename="a; name=b.txt"` sent as typed) is part of that value,
 * not a parameter. Quotes and their backslash escapes are undone; a parameter without a value is skipped.
 */
export function* headerParams(value: string): Generator<HeaderParamSpan> {
  for (let i = value.indexOf(';'); i >= 0;) {
    const start = i;
    const eq = value.indexOf('=', i + 1);
    if (eq < 0) return;
    const semicolon = value.indexOf(';', i + 1);
    // A parameter without a value (`form-data; inline; name="a"`): on to the next one.
    if (semicolon >= 0 && semicolon < eq) {
      i = semicolon;
      continue;
    }
    const name = value
      .slice(i + 1, eq)
      .trim()
      .toLowerCase();
    let j = eq + 1;
    while (value[j] === ' ' || value[j] === '\t') j++;
    let raw = '';
    if (value[j] === '"') {
      for (j++; j < value.length && value[j] !== '"'; j++)
        raw += value[j] === '\\' ? (value[++j] ?? '') : value[j];
      i = value.indexOf(';', j);
    } else {
      i = value.indexOf(';', j);
      raw = value.slice(j, i < 0 ? undefined : i).trim();
    }
    yield { name, value: raw, start, end: i < 0 ? value.length : i };
  }
}

/** The first parameter of a header value whose lower-cased name `wanted` accepts (see {@link headerParams}). */
export function headerParamSpan(value: string, wanted: (name: string) => boolean): HeaderParamSpan | null {
  for (const param of headerParams(value)) if (wanted(param.name)) return param;
  return null;
}

/** The unquoted value of the first parameter `wanted` accepts, or null. */
export const headerParam = (value: string, wanted: (name: string) => boolean): string | null =>
  headerParamSpan(value, wanted)?.value ?? null;
