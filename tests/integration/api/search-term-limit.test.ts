import { describe, expect, it } from 'vitest';
import { maxSearchTerms } from '../../../electron/shared/contract/captures';
import { useApiHarness } from '../delivery/helpers';

// A pasted body made a search of thousands of words: FTS5 took seconds to tens of seconds over it, and every other
// read of the app (the list, the counts, the charts) waited behind it.
const api = useApiHarness();
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

describe('a search of more words than the index can take at once is refused, naming the field', () => {
  it.each([
    ['captures.list', (text: string) => ({ filter: { text } })],
    ['captures.count', (text: string) => ({ filter: { text } })],
    ['captures.export', (text: string) => ({ format: 'jsonl', filter: { text } })],
  ])('%s', async (method, input) => {
    for (const text of [words(maxSearchTerms + 1).join(' '), words(5000).join(' OR ')]) {
      const reply = await api.call(method, input(text));
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('invalid_input');
      expect(reply.error?.message).toMatch(
        new RegExp(
          `^filter\\.text: a search of at most ${maxSearchTerms} words or "quoted phrases", got \\d+`,
        ),
      );
    }
  });

  it('up to the limit, and a long quoted phrase (one term), still search', async () => {
    for (const text of [words(maxSearchTerms).join(' '), `"${words(5000).join(' ')}"`]) {
      const reply = await api.call('captures.count', { filter: { text } });
      expect(reply.ok).toBe(true);
    }
  });
});
