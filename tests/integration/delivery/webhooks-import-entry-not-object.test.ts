import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const api = useApiHarness();

const importing = async (webhooks: unknown[]) =>
  (
    await api.call('webhooks.import', {
      content: JSON.stringify({ format: 'hookscope-webhooks', version: 1, webhooks }),
    })
  ).value as { imported: number; errors: string[] };

describe('webhooks.import names an entry that is not an object by its index alone', () => {
  it.each([['"just text"'], [42], [null], [['a', 'b']]])('entry %j', async (bad) => {
    const result = await importing([bad, { name: 'Kept', method: 'POST', url: 'https://x.example/hook' }]);
    expect(result.imported).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^webhooks\[0\]: \S/);
  });

  it('still names the field of an entry that is an object', async () => {
    const result = await importing([{ name: 'No URL', method: 'POST' }]);
    expect(result.errors).toEqual([expect.stringMatching(/^webhooks\[0\]\.url: /)]);
  });
});
