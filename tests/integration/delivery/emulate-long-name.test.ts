import { describe, expect, it } from 'vitest';
import { DELIVERY_NAME_MAX } from '../../../electron/shared/contract/delivery';
import { useApiHarness } from './helpers';

const api = useApiHarness();

describe('emulate.send names the delivery within the name limit', () => {
  it('cuts a description longer than a name may be, as bulk does, and keeps the full description', async () => {
    const email = `${'a'.repeat(290)}@example.com`;
    const sent = await api.call('emulate.send', {
      kind: 'ortto-test',
      to: `${api.server.url}/long-name`,
      contact: { email },
    });
    expect(sent.error).toBeUndefined();
    const value = sent.value as { id: number; name: string; description: string };
    expect(value.description).toContain(email);
    expect(value.name).toHaveLength(DELIVERY_NAME_MAX);
    expect(value.name).toBe(`${value.description.slice(0, DELIVERY_NAME_MAX - 1)}…`);
    const stored = await api.call('deliveries.get', { id: value.id });
    expect((stored.value as { name: string }).name).toBe(value.name);
  });
});
