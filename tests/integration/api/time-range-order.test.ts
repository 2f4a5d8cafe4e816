import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../delivery/helpers';

// A From after its To can match no capture: the list, count and export answered nothing without a word, where the
// app's Time menu and the CLI's --since/--until say so.
const api = useApiHarness();
const backwards = { fromMs: 2_000, toMs: 1_000 };

describe('a time filter whose from is after its to is refused, naming filter.fromMs', () => {
  it.each([
    ['captures.list', { filter: backwards }],
    ['captures.count', { filter: backwards }],
    ['captures.breakdown', { filter: backwards, endMs: 60_000, bucketMs: 60_000, buckets: 1 }],
    ['captures.export', { format: 'jsonl', filter: backwards }],
  ])('%s', async (method, input) => {
    const reply = await api.call(method, input);
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(
      /^filter\.fromMs: is after filter\.toMs \(\d{4}-\d\d-\d\dT[^ ]+Z > \d{4}-\d\d-\d\dT[^ ]+Z\)/,
    );
  });

  it('a from equal to its to (one instant), or either bound alone, is still a filter', async () => {
    for (const filter of [{ fromMs: 1_000, toMs: 1_000 }, { fromMs: 2_000 }, { toMs: 1_000 }]) {
      const reply = await api.call('captures.count', { filter });
      expect(reply.ok, JSON.stringify(filter)).toBe(true);
    }
  });
});
