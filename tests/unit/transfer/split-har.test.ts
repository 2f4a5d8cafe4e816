import { describe, expect, it } from 'vitest';
import { splitHar } from '../../../renderer/src/features/transfer/merge-export';

const entry = (i: number, bodyChars = 0) => ({
  request: { method: 'POST', url: `https://example.test/${i}`, postData: { text: 'x'.repeat(bodyChars) } },
});
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
const entriesOf = (chunk: { har: string }) =>
  (JSON.parse(chunk.har) as { log: { entries: unknown[] } }).log.entries;

describe('splitHar', () => {
  it('splits by bytes as well as by entry count, keeping the original positions', () => {
    // 10 tiny entries, then 10 of ~1,000 bytes: with a 3,000-byte budget the big ones go about two per chunk.
    const entries = [
      ...Array.from({ length: 10 }, (_, i) => entry(i)),
      ...Array.from({ length: 10 }, (_, i) => entry(10 + i, 1000)),
    ];
    const { chunks, total, errors } = splitHar(har(entries), {
      maxEntries: 200,
      maxBytes: 3000,
      maxEntryBytes: 10_000,
    });
    expect(total).toBe(20);
    expect(errors).toEqual([]);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(JSON.stringify(c.har).length).toBeLessThan(3000 + 200);
      expect(entriesOf(c)).toEqual(entries.slice(c.start, c.start + c.count));
    }
    expect(chunks.flatMap(entriesOf)).toEqual(entries);
  });

  it('always puts at least one entry in a chunk, and names an entry too big for any call', () => {
    const entries = [entry(0), entry(1, 5000), entry(2, 50_000), entry(3)];
    const { chunks, total, errors } = splitHar(har(entries), {
      maxEntries: 200,
      maxBytes: 1000,
      maxEntryBytes: 20_000,
    });
    expect(total).toBe(4);
    expect(chunks.map((c) => [c.start, c.count])).toEqual([
      [0, 1],
      [1, 1],
      [3, 1],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entries\[2\]: [\d.]+ MB, over the [\d.]+ MB one import call can carry$/);
  });

  it('still splits by entry count', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(i));
    const { chunks } = splitHar(har(entries), { maxEntries: 2, maxBytes: 1e9, maxEntryBytes: 1e9 });
    expect(chunks.map((c) => [c.start, c.count])).toEqual([
      [0, 2],
      [2, 2],
      [4, 1],
    ]);
  });

  it('refuses valid JSON that is not a HAR object with a clear message', () => {
    const limits = { maxEntries: 200, maxBytes: 1e9, maxEntryBytes: 1e9 };
    for (const text of ['null', '42', '"har"', '[]', '{}', '{"log":null}', '{"log":{"entries":{}}}'])
      expect(() => splitHar(text, limits), text).toThrow(
        /^Not a HAR file: expected an object with log\.entries\[\]$/,
      );
  });
});
