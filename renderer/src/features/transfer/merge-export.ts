import type { ExportFormat } from '../../../../electron/shared/contract/captures';

/** Joins export chunks into one document of the same format (HAR entries, JSON arrays, JSONL/cURL text). */
export function mergeExports(format: ExportFormat, chunks: string[]): string {
  if (chunks.length === 1) return chunks[0]!;
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
    case 'curl':
      return (
        [
          chunks[0]!.replace(/\n+$/, ''),
          ...chunks.slice(1).map((c) => c.replace(/^#!.*\n/, '').replace(/\n+$/, '')),
        ].join('\n\n') + '\n'
      );
  }
}

function findArrayKey(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return null;
  for (const [k, v] of Object.entries(doc)) if (Array.isArray(v)) return k;
  return null;
}

/** Splits a HAR document into smaller HAR documents of at most `size` entries each (for import progress). */
export function splitHar(text: string, size: number): { chunks: string[]; total: number } {
  let doc: { log?: { entries?: unknown[] } };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (e) {
    throw new Error(`Not a HAR file: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const entries = doc.log?.entries;
  if (!Array.isArray(entries)) throw new Error('Not a HAR file: log.entries is missing');
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += size)
    chunks.push(JSON.stringify({ ...doc, log: { ...doc.log, entries: entries.slice(i, i + size) } }));
  return { chunks: chunks.length ? chunks : [text], total: entries.length };
}
