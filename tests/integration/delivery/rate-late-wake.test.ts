import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { systemClock } from '../../../electron/engine/util/clock';
import { useCleanup } from '../../helpers/cleanup';
import { busiestWindow } from '../../helpers/busiest-window';
import { cueServer, deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

const busy = (ms: number) => {
  for (const end = performance.now() + ms; performance.now() < end;);
};

it('a busy event loop delays rate-limited sends but never bunches them: 5 per 500 ms as the receiver counts', async () => {
  const arrivedAt: number[] = [];
  const server = await cueServer((n) => {
    arrivedAt.push(performance.now());
    // The server shares the engine's event loop: blocking it once the answer is out makes the gate's next wake-up
    // about 600 ms late, while the connection is idle.
    if (n === 2) setTimeout(() => busy(600), 20);
    return { status: 200 };
  });
  cleanup.push(() => server.close());
  const h = deliveryHarness({ clock: systemClock });
  cleanup.push(() => h.close());
  const send = (i: number) =>
    h.service.send({
      request: { method: 'POST', url: `${server.url}/r/${i}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ratePerMinute: 600, // one per 100 ms
    } as never);
  // A first request opens the connection, so that its setup does not shift the arrivals measured.
  send(0);
  h.service.start();
  await until(() => (arrivedAt.length === 1 ? true : undefined));
  for (let i = 1; i <= 8; i++) send(i);
  await until(() => (arrivedAt.length === 9 ? true : undefined));
  const measured = arrivedAt.slice(1);
  // 600 a minute is 5 in any 500 ms. The receiver shares a loaded test machine with the engine, so its window is
  // taken 50 ms short for scheduling jitter; the catch-up burst this guards against put six requests within a few ms.
  const seen = measured.map((t) => Math.round(t - measured[0]!)).join(', ');
  expect(busiestWindow(measured, 450), `arrivals at ${seen} ms`).toBeLessThanOrEqual(5);
});
