/** Sorts object keys recursively so two payloads that differ only in key order compare equal. */
export function sortKeys(value: unknown): unknown {
  if (isRawNumber(value)) return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a payload's own "__proto__" key must stay a key, not set the prototype.
    for (const key of Object.keys(value).sort())
      Object.defineProperty(out, key, {
        value: sortKeys((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

/** ES2024 raw JSON (Chromium ≥ 114, Node ≥ 21): a value JSON.stringify writes out verbatim. */
interface RawJsonApi {
  rawJSON(text: string): object;
  isRawJSON(value: unknown): boolean;
}
const rawJson: RawJsonApi | null =
  typeof (JSON as unknown as Partial<RawJsonApi>).rawJSON === 'function'
    ? (JSON as unknown as RawJsonApi)
    : null;

/** A number kept as it was written (`12345678901234567890`, `1.10`), which a double would have changed. */
export function isRawNumber(value: unknown): value is { rawJSON: string } {
  return rawJson !== null && rawJson.isRawJSON(value);
}

/**
 * Parses JSON keeping every number exactly as written where a double would change it (IDs beyond 2^53, trailing
 * zeros): the tree and the pretty view show what was sent, not what JavaScript rounded it to.
 */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const reviver = rawJson
      ? (_key: string, value: unknown, context?: { source?: string }) =>
          typeof value === 'number' && context?.source !== undefined && String(value) !== context.source
            ? rawJson.rawJSON(context.source)
            : value
      : undefined;
    return { ok: true, value: JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false };
  }
  // The reviver recurses once per level and runs out of stack a few thousand levels deep, where JSON.parse alone
  // does not: deep JSON still parses, its numbers read as doubles.
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function prettyJson(text: string, normalise = false): string {
  const parsed = tryParseJson(text);
  if (!parsed.ok) return text;
  try {
    return JSON.stringify(normalise ? sortKeys(parsed.value) : parsed.value, null, 2);
  } catch {
    return text; // nested too deep to sort or re-indent: shown as received
  }
}
