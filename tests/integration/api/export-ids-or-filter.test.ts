import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../delivery/helpers';

// Given both, the export took the ids and dropped the filter without a word: a caller narrowing a selection by a
// filter got captures the filter leaves out.
const api = useApiHarness();

describe('captures.export takes ids or a filter, not both', () => {
  it('refuses both together, naming both fields', async () => {
    const reply = await api.call('captures.export', {
      format: 'jsonl',
      ids: [1, 2],
      filter: { methods: ['POST'] },
    });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(/^ids: .*filter/);
  });

  it('takes either alone, and neither (every capture)', async () => {
    for (const input of [{ ids: [1] }, { ids: [] }, { filter: { methods: ['POST'] } }, {}]) {
      const reply = await api.call('captures.export', { format: 'jsonl', ...input });
      expect(reply.ok, JSON.stringify(input)).toBe(true);
    }
  });
});
