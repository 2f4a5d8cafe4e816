import { open } from 'node:fs/promises';
import type { ApiClient } from '../shared/contract/client';

const marker = '\u0000entries\u0000';

/**
 * Writes every capture to `path` as one HAR document, a page of captures at a time (the list's id cursor, newest first),
 * so no single string holds the whole export: one string past ~512 MB fails with "Invalid string length".
 * `skeleton` is an empty HAR export (its log header and creator); returns how many captures were written.
 */
export async function writeHarFile(
  api: ApiClient,
  path: string,
  skeleton: string,
  pageSize = 500,
): Promise<number> {
  const doc = JSON.parse(skeleton) as { log: Record<string, unknown> };
  const [head, tail] = JSON.stringify({ ...doc, log: { ...doc.log, entries: marker } }).split(
    JSON.stringify(marker),
  ) as [string, string];
  const file = await open(path, 'w');
  let count = 0;
  try {
    await file.write(`${head}[`);
    let cursor: number | null = null;
    do {
      const page: { items: Array<{ id: number }>; nextCursor: number | null } = await api.call(
        'captures.list',
        { cursor, limit: pageSize },
      );
      if (page.items.length) {
        const part = await api.call('captures.export', {
          format: 'har',
          ids: page.items.map((c) => c.id),
        });
        const entries = (JSON.parse(part.content) as { log: { entries: unknown[] } }).log.entries;
        for (const entry of entries)
          await file.write(`${count++ === 0 ? '' : ','}\n${JSON.stringify(entry)}`);
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    await file.write(`\n]${tail}\n`);
  } finally {
    await file.close();
  }
  return count;
}
