import type { ExportFormat } from '../../../../electron/shared/contract/captures';
import { otherExportReason } from '../../../../electron/shared/not-har';
import { withLineBreaksEscaped } from '../../../../electron/shared/json-line-breaks';

/** Joins export chunks into one document of the same format (HAR entries, JSON arrays, JSONL/cURL text). */
export function mergeExports(format: ExportFormat, chunks: string[]): string {
  if (chunks.length === 1) return chunks[0]!;
  // Re-serialized JSON loses the chunks' escapes of line-breaking characters: write them again.
  return format === 'har' || format === 'json'
    ? withLineBreaksEscaped(merged(format, chunks))
    : merged(format, chunks);
}

function merged(format: ExportFormat, chunks: string[]): string {
  switch (format) {
    case 'har': {
      const docs = chunks.map((c) => JSON.parse(c) as { log: { entries: unknown[] } });
      const first = docs[0]!;
      return JSON.stringify(
        { ...first, log: { ...first.log, entries: docs.flatMap((d) => d.log.entries) } },
        null,
        2,
      );
    }
    case 'json': {
      const docs = chunks.map((c) => JSON.parse(c) as unknown);
      if (docs.every(Array.isArray)) return JSON.stringify(docs.flat(), null, 2);
      const key = findArrayKey(docs[0]);
      if (key) {
        const first = docs[0] as Record<string, unknown>;
        return JSON.stringify(
          { ...first, [key]: docs.flatMap((d) => (d as Record<string, unknown[]>)[key] ?? []) },
          null,
          2,
        );
      }
      throw new Error('JSON export chunks cannot be merged');
    }
    case 'jsonl':
      return chunks.map((c) => c.replace(/\n+$/, '')).join('\n') + '\n';
    case 'curl': {
      // Each chunk picks its own shell: bash if it needed $'…' quoting. One bash chunk makes the whole script bash.
      const shebangs = chunks.map((c) => /^#!.*/.exec(c)?.[0]);
      const bash = shebangs.find((line) => line && /\bbash\b/.test(line));
      const bodies = chunks.map((c) => c.replace(/^#!.*\n/, '').replace(/\n+$/, ''));
      const shebang = bash ?? shebangs[0];
      return [shebang ? `${shebang}\n${bodies[0]}` : bodies[0], ...bodies.slice(1)].join('\n\n') + '\n';
    }
  }
}

function findArrayKey(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return null;
  for (const [k, v] of Object.entries(doc)) if (Array.isArray(v)) return k;
  return null;
}

/** One import call's worth of a HAR file: entries `start` to `start + count - 1` of the original. */
export interface HarChunk {
  har: string;
  start: number;
  count: number;
}

export interface SplitLimits {
  /** Entries per chunk. */
  maxEntries: number;
  /** Request bytes per chunk (a chunk always holds at least one entry). */
  maxBytes: number;
  /** An entry whose request alone would be larger is left out with an error naming it. */
  maxEntryBytes: number;
}

const utf8 = new TextEncoder();
/** What an entry adds to the API request: the HAR text is sent as a JSON string, so it is escaped once more. */
const requestBytes = (entry: unknown) => utf8.encode(JSON.stringify(JSON.stringify(entry))).byteLength;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Splits a HAR document into smaller HAR documents, each under both limits, so an import of any size reports
 * progress and no call outgrows what the API transport accepts. Chunks are contiguous runs of entries.
 */
export function splitHar(
  text: string,
  limits: SplitLimits,
): { chunks: HarChunk[]; total: number; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = otherExportReason(text, undefined) ?? (e instanceof Error ? e.message : String(e));
    throw new Error(`Not a HAR file: ${reason}`, { cause: e });
  }
  // Valid JSON can still be anything: null, a number, an array, an object without log.
  const doc = parsed as { log?: { entries?: unknown } } | null;
  const entries = doc && typeof doc === 'object' && !Array.isArray(doc) ? doc.log?.entries : undefined;
  if (!doc || !Array.isArray(entries))
    throw new Error(
      `Not a HAR file: ${otherExportReason(text, parsed) ?? 'expected an object with log.entries[]'}`,
    );
  const chunks: HarChunk[] = [];
  const errors: string[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number) => {
    if (end > start)
      chunks.push({
        har: JSON.stringify({ ...doc, log: { ...doc.log, entries: entries.slice(start, end) } }),
        start,
        count: end - start,
      });
    start = end;
    bytes = 0;
  };
  for (const [i, entry] of entries.entries()) {
    const size = requestBytes(entry);
    if (size > limits.maxEntryBytes) {
      flush(i);
      start = i + 1;
      errors.push(
        `entries[${i}]: ${megabytes(size)}, over the ${megabytes(limits.maxEntryBytes)} one import call can carry`,
      );
      continue;
    }
    if (i > start && (i - start >= limits.maxEntries || bytes + size > limits.maxBytes)) flush(i);
    bytes += size;
  }
  flush(entries.length);
  return {
    chunks: chunks.length || errors.length ? chunks : [{ har: text, start: 0, count: 0 }],
    total: entries.length,
    errors,
  };
}
