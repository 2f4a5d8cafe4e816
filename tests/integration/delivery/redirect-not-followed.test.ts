import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

it.each([301, 302, 307, 308])(
  'a POST answered %i fails saying where the redirect pointed and that it is not followed',
  async (status) => {
    const server = await cueServer(() => ({ status, headers: { Location: 'https://moved.example/hook' } }));
    cleanup.push(() => server.close());
    const h = deliveryHarness();
    cleanup.push(() => h.close());
    h.service.start();
    const { id } = h.service.send({
      request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: 'e30=' },
      type: 'manual',
      policy: 'none',
    } as never);
    await h.drain(0);
    const detail = h.service.get(id);
    expect(detail.state).toBe('failed');
    expect(detail.lastStatus).toBe(status);
    expect(detail.lastError).toBe(
      `HTTP ${status} (a redirect to https://moved.example/hook, which is not followed) after 1 attempt (no retries left)`,
    );
    expect(server.received).toHaveLength(1);
  },
);

it('a 3xx without a Location, or one Ortto counts as delivered, says nothing of a redirect', async () => {
  const server = await cueServer((n) =>
    n === 0 ? { status: 304 } : { status: 302, headers: { Location: '/elsewhere' } },
  );
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const send = (policy: string) =>
    h.service.send({
      request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy,
    } as never).id;
  const bare = send('none');
  await h.drain(0);
  expect(h.service.get(bare).lastError).toBe('HTTP 304 after 1 attempt (no retries left)');
  const ortto = send('ortto');
  await h.drain(0);
  expect(h.service.get(ortto)).toMatchObject({ state: 'succeeded', lastError: null });
});
