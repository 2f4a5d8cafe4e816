import { expect, it } from 'vitest';
import { searchTerms } from '../../../electron/shared/search-terms';
import { useSearchOverBodies } from '../../helpers/searched-bodies';

// `NOT` was searched as a word, so `refund NOT paid` looked for captures holding "not" as well and found none.
const { searchPaths } = useSearchOverBodies({
  '/refund-paid': '{"type":"refund","state":"paid"}',
  '/refund-open': '{"type":"refund","state":"open"}',
  '/charge': '{"type":"charge","state":"paid"}',
  '/not': '{"note":"do not refund"}',
});

it('reads an upper-case NOT before a term as -term', () => {
  expect(searchPaths('refund NOT paid')).toEqual(searchPaths('refund -paid'));
  expect(searchPaths('refund NOT paid')).toEqual(['/not', '/refund-open']);
  expect(searchPaths('NOT refund')).toEqual(['/charge']);
  expect(searchPaths('refund NOT "do not"')).toEqual(['/refund-open', '/refund-paid']);
});

it('keeps a lower-case not, and NOT alone, as words; a NOT last is dropped while more is typed', () => {
  expect(searchPaths('do not')).toEqual(['/not']);
  expect(searchPaths('NOT')).toEqual(['/not']);
  expect(searchTerms('refund NOT')).toEqual(searchTerms('refund'));
});
