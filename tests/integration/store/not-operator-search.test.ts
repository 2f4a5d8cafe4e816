import { beforeEach, expect, it } from 'vitest';
import { searchTerms } from '../../../electron/shared/search-terms';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

// `NOT` was searched as a word, so `refund NOT paid` looked for captures holding "not" as well and found none.
const t = useTempStores();

const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 10 })
    .items.map((c) => c.path)
    .sort();

beforeEach(async () => {
  const add = (path: string, body: string) =>
    t.stores.captures.add(newCapture({ path, body: Buffer.from(body) }));
  await add('/refund-paid', '{"type":"refund","state":"paid"}');
  await add('/refund-open', '{"type":"refund","state":"open"}');
  await add('/charge', '{"type":"charge","state":"paid"}');
  await add('/not', '{"note":"do not refund"}');
  t.stores.captures.indexer.drain();
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
