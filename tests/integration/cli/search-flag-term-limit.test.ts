import { expect, it } from 'vitest';
import { toFilter } from '../../../electron/cli/filter-flags';
import { UsageError } from '../../../electron/cli/io';
import { maxSearchTerms } from '../../../electron/shared/contract/captures';
import { useTempStores } from '../../helpers/temp-stores';

// The CLI reads the store itself, past the API's check: a pasted body as --search held the export for seconds to
// tens of seconds (and the app's reads beside it), where the app refuses such a search.
const t = useTempStores();
const filter = (search: string[]) => toFilter({ search }, t.stores, Date.now());
const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

it.each([
  ['one search', [words(maxSearchTerms + 1)]],
  ['repeated searches, together over the limit', [words(maxSearchTerms), words(1, maxSearchTerms)]],
])('--search of more than the limit of words is refused, naming the flag: %s', (_, search) => {
  expect(() => filter(search)).toThrow(UsageError);
  expect(() => filter(search)).toThrow(
    `--search: a search of at most ${maxSearchTerms} words or "quoted phrases", got ${maxSearchTerms + 1}`,
  );
});

it('--search up to the limit, or one long quoted phrase, still searches', () => {
  expect(filter([words(maxSearchTerms)]).text).toBe(words(maxSearchTerms));
  expect(filter([`"${words(5000)}"`]).text).toBe(`"${words(5000)}"`);
});
