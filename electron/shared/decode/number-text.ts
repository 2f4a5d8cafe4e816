/**
 * JSON numbers written otherwise than JavaScript prints them (`1e2` reads as 100, `1.50` as 1.5): their text as sent,
 * by the object or array holding them and their key. The parsed values stay plain numbers, so recognition and the
 * vendor formatters read them as before; only what the tree shows uses the text.
 */
const written = new WeakMap<object, Map<string, string>>();

export function rememberNumberText(holder: object, key: string, text: string): void {
  let keys = written.get(holder);
  if (!keys) written.set(holder, (keys = new Map()));
  keys.set(key, text);
}

/** The text a number at `holder[key]` was sent as, when JavaScript would print it differently. */
export const numberTextAt = (holder: object, key: string): string | undefined =>
  written.get(holder)?.get(key);

const jsonWithRaw = JSON as JSON & { rawJSON?: (text: string) => unknown };

/** A JSON.stringify replacer that writes each such number as it was sent (an object's raw JSON, copied whole). */
export function numbersAsSent(this: object, key: string, value: unknown): unknown {
  if (typeof value !== 'number' || !jsonWithRaw.rawJSON) return value;
  const text = numberTextAt(this, key);
  return text === undefined ? value : jsonWithRaw.rawJSON(text);
}
