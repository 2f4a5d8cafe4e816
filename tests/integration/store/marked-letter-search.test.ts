import { beforeEach, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

// remove_diacritics drops the marks of Latin letters only: `αθηνα` missed `Αθήνα`, `елка` missed `ёлка`, and the
// vowel points of Arabic and Hebrew split their words into letters, so `مرحبا` missed `مَرْحَبًا` and `שלום` `שָׁלוֹם`.
const t = useTempStores();

const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 10 })
    .items.map((c) => c.path)
    .sort();

beforeEach(async () => {
  const add = (path: string, body: string) =>
    t.stores.captures.add(newCapture({ path, body: Buffer.from(body) }));
  await add('/el', '{"city":"Αθήνα"}');
  await add('/ar', '{"greeting":"مَرْحَبًا"}');
  await add('/he', '{"greeting":"שָׁלוֹם"}');
  await add('/ru', '{"tree":"ёлка"}');
  await add('/plain', '{"words":"αθηνα مرحبا שלום елка"}');
  await add('/ja', '{"word":"かき"}');
  t.stores.captures.indexer.drain();
});

it('finds words written with marks in any script by their spelling without them, and the reverse', () => {
  expect(searchPaths('αθηνα')).toEqual(['/el', '/plain']);
  expect(searchPaths('Αθήνα')).toEqual(['/el', '/plain']);
  expect(searchPaths('مرحبا')).toEqual(['/ar', '/plain']);
  expect(searchPaths('مَرْحَبًا')).toEqual(['/ar', '/plain']);
  expect(searchPaths('שלום')).toEqual(['/he', '/plain']);
  expect(searchPaths('елка')).toEqual(['/plain', '/ru']);
  expect(searchPaths('ёлка')).toEqual(['/plain', '/ru']);
  expect(searchPaths('-αθηνα')).toEqual(['/ar', '/he', '/ja', '/ru']);
});

it('keeps the kana voicing marks: が is another syllable than か', () => {
  expect(searchPaths('かぎ')).toEqual([]);
  expect(searchPaths('かき')).toEqual(['/ja']);
});
