import type Database from 'better-sqlite3';

/** The SQL function the side table `capture_header_values` (migration 050) is keyed by. */
export const headerValueKeySql = 'header_value_key';

/**
 * A 53-bit hash (cyrb53) of a header's lower-cased name and its value as stored, so the header filter can find the
 * captures with a name and value from an index without reading their headers. Stored in the database: it must never
 * change. A name or value that is not text (never written by Hookscope) gets key 0, which no query asks for.
 * Two different name/value pairs share a key with a chance of about 1 in 2^53 per value stored under that name.
 */
export function headerValueKey(lowerName: unknown, value: unknown): number {
  if (typeof lowerName !== 'string' || typeof value !== 'string') return 0;
  const text = `${lowerName.length}:${lowerName}${value}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** SQLite's lower(): ASCII letters only, as the header filter has always compared names. */
export const sqliteLower = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/**
 * Every connection that files, deletes or backfills captures needs it (migration 050's trigger calls it). Reads need
 * it not: the filter passes keys computed here.
 */
export function registerHeaderValueKey(db: Database.Database): void {
  db.function(headerValueKeySql, { deterministic: true }, headerValueKey);
}
