import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../electron/engine/store/open-stores';
import { FakeClock } from '../../../electron/engine/util/clock';
import { allOfSearches } from '../../../electron/shared/search-terms';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

const words = [
  'alpha',
  'beta',
  'gamma',
  'jose',
  'José',
  'Straße',
  'strasse',
  '東京',
  '2024',
  '東京2024',
  "it's",
  'or',
  'and',
  'x-ray',
  'foo_bar',
];

let dir: ReturnType<typeof tempDir>;
let stores: Stores;
beforeAll(async () => {
  dir = tempDir();
  stores = openStores({ dataDir: dir.path, clock: new FakeClock(1_700_000_000_000) });
  const notes = fc.sample(fc.array(fc.constantFrom(...words), { maxLength: 5 }), { numRuns: 300, seed: 22 });
  await Promise.all(
    notes.map((note, i) =>
      stores.captures.add(
        newCapture({ path: `/c/${i}`, body: Buffer.from(JSON.stringify({ note: note.join(' ') })) }),
      ),
    ),
  );
  stores.captures.fileWaiting();
  stores.captures.indexer.drain();
});
afterAll(() => {
  stores.captures.close();
  stores.db.close();
  dir.cleanup();
});

const found = (text: string) => stores.captures.ids({ text }, 10_000).sort((a, b) => a - b);

const term = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...words).map((w) => `-${w}`),
  fc.constantFrom(
    'alp*',
    'jos*',
    '-be*',
    '"alpha beta"',
    '"gamma"',
    '-"beta gamma"',
    '"',
    '-',
    '*',
    '😀',
    'AND',
    'OR',
  ),
);
/** One `--search`, operators anywhere: an `OR` or `AND` at either end of one must not reach into the next. */
const search = fc
  .array(fc.tuple(term, fc.constantFrom('', 'OR ', 'AND ')), { minLength: 1, maxLength: 4 })
  .chain((terms) =>
    fc
      .constantFrom('', ' OR', ' AND')
      .map((end) => terms.map(([t, operator]) => `${operator}${t}`).join(' ') + end),
  );

describe('CLI repeated --search (fuzzed, on a real store)', () => {
  it('finds exactly the captures each search finds alone', () => {
    expect(found('alpha').length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(search, { minLength: 1, maxLength: 3 }), (searches) => {
        const alone = searches.map((s) => new Set(found(s)));
        const expected = found('').filter((id) => alone.every((ids) => ids.has(id)));
        expect(found(allOfSearches(searches))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
