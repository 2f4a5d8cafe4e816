/**
 * The first parameter of a header value (`type; a=1; b="x"`) whose lower-cased name `wanted` accepts, read parameter
 * by parameter: a `; b=` inside another one's quoted value (`x="; boundary=fake"`, or a browser's
 * `filename="a; name=b.txt"` sent as typed) is part of that value, not the parameter. Quotes and their backslash
 * escapes are undone; null when no parameter is accepted.
 */
export function headerParam(value: string, wanted: (name: string) => boolean): string | null {
  for (let i = value.indexOf(';'); i >= 0;) {
    const eq = value.indexOf('=', i + 1);
    if (eq < 0) return null;
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
    if (wanted(name)) return raw;
  }
  return null;
}
