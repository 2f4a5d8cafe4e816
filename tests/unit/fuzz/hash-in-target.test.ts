import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHarEntry } from '../../../electron/engine/captures/export';
import { withCapturedQuery } from '../../../electron/shared/send/captured-query';
import { captureUrl } from '../../../renderer/src/lib/capture-url';
import { captureDetail } from '../../helpers/capture-detail';

/** What a server reads in a target: its bytes with each valid %XX undone (an invalid `%zz` stays as it is). */
function meaning(target: string): string {
  const bytes = Buffer.from(target, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9a-f]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return Buffer.from(out).toString('hex');
}

/**
 * Characters a request target carries raw, a `#` first among them. No `.` (a URL resolves `/..` and `%2e%2e`, a
 * different concern), no backslash (a URL reads it as `/`), no `?` in a path (the receiver splits the query there), no
 * space (no HTTP parser takes one in a target; a URL trims one at the end).
 */
const common = [
  'a',
  'Z',
  '#',
  '%',
  '%23',
  '%zz',
  '%41',
  '"',
  "'",
  '<',
  '>',
  '`',
  '{',
  '}',
  '|',
  '^',
  '[',
  ']',
  'é',
  '中',
  '😀',
  '=',
  '&',
  '+',
  ';',
  ':',
  '@',
  '!',
  '$',
];
const path = fc.string({ unit: fc.constantFrom(...common, '/'), maxLength: 24 }).map((rest) => `/${rest}`);
const query = fc.string({ unit: fc.constantFrom(...common, '?', '/', '.', '\\'), maxLength: 24 });
const base = 'http://127.0.0.1:8787';

/** The URL parsed: its pathname and search as a server reads them, and whether a fragment was cut off. */
const read = (url: string) => {
  const parsed = new URL(url);
  return { path: meaning(parsed.pathname), search: meaning(parsed.search), hash: parsed.hash };
};
const asSent = (p: string, q: string) => ({ path: meaning(p), search: meaning(q ? `?${q}` : ''), hash: '' });

describe('a captured target in a URL (fuzzed): # never starts a fragment, every byte means what it meant', () => {
  it('the HAR export url asks for the path and query received', () => {
    fc.assert(
      fc.property(path, query, (p, q) => {
        const url = toHarEntry(captureDetail({ path: p, query: q }), base, null).request.url;
        expect(read(url)).toEqual(asSent(p, q));
      }),
      { numRuns: 1000 },
    );
  });

  it('the capture URL the app shows and copies asks for the path and query received', () => {
    fc.assert(
      fc.property(
        path,
        query,
        fc.constantFrom(null, 'https://hooks.example.com', 'https://hooks.example.com/'),
        (p, q, publicUrl) => {
          const url = captureUrl({ path: p, query: q, publicUrl }, `${base}/`);
          expect(read(url)).toEqual(asSent(p, q));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a replay keeping the captured query sends the target URL's query, then the captured one, whole", () => {
    const urlQuery = fc.option(
      fc.string({ unit: fc.constantFrom('a', '=', '&', '%41', '/', '?'), maxLength: 8 }),
    );
    const fragment = fc.option(fc.string({ unit: fc.constantFrom('a', '#', '?', '&'), maxLength: 6 }));
    fc.assert(
      fc.property(path, urlQuery, fragment, query, (p, uq, frag, q) => {
        const target = `${base}${p.replaceAll('#', '%23')}${uq === null ? '' : `?${uq}`}${frag === null ? '' : `#${frag}`}`;
        const sent = read(withCapturedQuery(target, q));
        const before = read(target);
        expect(sent.path).toBe(before.path);
        expect(sent.hash).toBe(before.hash);
        const joined = q
          ? [meaning(`?${uq ?? ''}`), meaning(`?${uq ?? ''}&`)].map((start) => start + meaning(q))
          : [before.search];
        expect(joined).toContain(sent.search);
      }),
      { numRuns: 1000 },
    );
  });
});
