import { expect, it } from 'vitest';
import { cueServer, until, useApiHarness } from './helpers';

const api = useApiHarness();

async function finishedDelivery(url: string, state: 'succeeded' | 'failed') {
  const sent = await api.call('deliveries.send', {
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  });
  const { id } = sent.value as { id: number };
  await until(async () => {
    const got = (await api.call('deliveries.get', { id })).value as { state: string };
    return got.state === state ? true : undefined;
  });
  return id;
}

it.each([
  ['succeeded', 200],
  ['failed', 500],
] as const)(
  'cancelling a delivery that already %s is refused, naming its state, and leaves it as it was',
  async (state, status) => {
    const target = await cueServer(() => ({ status }));
    try {
      const id = await finishedDelivery(target.url, state);
      const reply = await api.call('deliveries.cancel', { id });
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('conflict');
      expect(reply.error?.message).toBe(
        `id: delivery ${id} already ${state}; only a pending, held or in-flight delivery can be cancelled`,
      );
      expect(((await api.call('deliveries.get', { id })).value as { state: string }).state).toBe(state);
    } finally {
      await target.close();
    }
  },
);

it('cancelling a delivery twice keeps it cancelled without an error (the state asked for holds)', async () => {
  const target = await cueServer(() => ({ stall: true }));
  try {
    const sent = await api.call('deliveries.send', {
      request: { method: 'POST', url: target.url, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
    });
    const { id } = sent.value as { id: number };
    await until(() => (target.received.length === 1 ? true : undefined));
    expect(((await api.call('deliveries.cancel', { id })).value as { state: string }).state).toBe(
      'cancelled',
    );
    const again = await api.call('deliveries.cancel', { id });
    expect(again.ok).toBe(true);
    expect((again.value as { state: string }).state).toBe('cancelled');
  } finally {
    await target.close();
  }
});
