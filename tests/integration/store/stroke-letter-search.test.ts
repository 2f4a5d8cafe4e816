import { beforeEach, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

// remove_diacritics makes `Müller` and `Muller` one word, but Ł, Ø, Đ, ı, Æ and Œ do not decompose, so it kept them: a
// search for `lodz` missed the capture with `Łódź` in it, `soren` missed `Søren`, and `oeuvre` missed `œuvre`.
const t = useTempStores();

const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 10 })
    .items.map((c) => c.path)
    .sort();

beforeEach(async () => {
  const add = (path: string, body: string) =>
    t.stores.captures.add(newCapture({ path, body: Buffer.from(body) }));
  await add('/pl', '{"city":"Łódź","name":"Łukasz Wałęsa"}');
  await add('/dk', '{"name":"Søren Ærø"}');
  await add('/hr', '{"name":"Đorđe"}');
  await add('/fr', '{"title":"chef-d\'œuvre"}');
  await add('/ascii', '{"city":"Lodz","name":"Soren"}');
  t.stores.captures.indexer.drain();
});

it('finds words with Ł, Ø, Đ, Æ and Œ by their plain Latin spelling, and the plain spelling by them', () => {
  expect(searchPaths('lodz')).toEqual(['/ascii', '/pl']);
  expect(searchPaths('Łódź')).toEqual(['/ascii', '/pl']);
  expect(searchPaths('lukasz walesa')).toEqual(['/pl']);
  expect(searchPaths('soren')).toEqual(['/ascii', '/dk']);
  expect(searchPaths('aero')).toEqual(['/dk']);
  expect(searchPaths('dorde')).toEqual(['/hr']);
  expect(searchPaths('oeuvre')).toEqual(['/fr']);
  expect(searchPaths('-lodz')).toEqual(['/dk', '/fr', '/hr']);
});
