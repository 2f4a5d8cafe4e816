import { beforeEach, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

// remove_diacritics makes `Müller` and `Muller` one word, but nothing folded ß: a search for `strasse` missed the
// capture with `Hauptstraße` in it, and `Straße` the one with `Strasse`.
const t = useTempStores();

const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 10 })
    .items.map((c) => c.path)
    .sort();

beforeEach(async () => {
  await t.stores.captures.add(
    newCapture({ path: '/sharp', body: Buffer.from('{"street":"Hauptstraße 5"}') }),
  );
  await t.stores.captures.add(newCapture({ path: '/ss', body: Buffer.from('{"street":"Gartenstrasse 7"}') }));
  await t.stores.captures.add(
    newCapture({ path: '/capital', body: Buffer.from('{"street":"GROẞE ALLEE"}') }),
  );
  t.stores.captures.indexer.drain();
});

it('finds ß and ss spellings of a word by either', () => {
  expect(searchPaths('hauptstrasse')).toEqual(['/sharp']);
  expect(searchPaths('Hauptstraße')).toEqual(['/sharp']);
  expect(searchPaths('gartenstraße')).toEqual(['/ss']);
  expect(searchPaths('grosse')).toEqual(['/capital']);
  expect(searchPaths('große allee')).toEqual(['/capital']);
  expect(searchPaths('-hauptstrasse')).toEqual(['/capital', '/ss']);
});
