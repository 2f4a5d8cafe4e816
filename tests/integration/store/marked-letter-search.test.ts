import { expect, it } from 'vitest';
import { useSearchOverBodies } from '../../helpers/searched-bodies';

// remove_diacritics drops the marks of Latin letters only: `αθηνα` missed `Αθήνα`, `елка` missed `ёлка`, and the
// vowel points of Arabic and Hebrew split their words into letters, so `مرحبا` missed `مَرْحَبًا` and `שלום` `שָׁלוֹם`.
const { searchPaths } = useSearchOverBodies({
  '/el': '{"city":"Αθήνα"}',
  '/ar': '{"greeting":"مَرْحَبًا"}',
  '/he': '{"greeting":"שָׁלוֹם"}',
  '/ru': '{"tree":"ёлка"}',
  '/plain': '{"words":"αθηνα مرحبا שלום елка"}',
  '/ja': '{"word":"かき"}',
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
