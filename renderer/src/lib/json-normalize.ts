/** Sorts object keys recursively so two payloads that differ only in key order compare equal. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function prettyJson(text: string, normalise = false): string {
  const parsed = tryParseJson(text);
  if (!parsed.ok) return text;
  return JSON.stringify(normalise ? sortKeys(parsed.value) : parsed.value, null, 2);
}
