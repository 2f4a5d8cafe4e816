import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

// `delivery_origin_last_request` keeps an origin's latest request after its deliveries are cleared, so the rate gate
// keeps the pace across a restart. A reference no gate can be held back by any more is forgotten by the periodic
// retention pass, even with no delivery retention set; before, every origin ever cleared kept its row forever.
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const DAY = 86_400_000;
const ONCE_IN_TWO_DAYS = 1 / 2880;

it('forgets an origin reference once no rate in force, stored or unknown, can be held back by it', async () => {
  const servers = await Promise.all([cueServer(), cueServer(), cueServer()]);
  const [fast, slow, queuedSlow] = servers.map((s) => s.url);
  const h = deliveryHarness();
  cleanup.push(() => h.close(), ...servers.map((s) => () => s.close()));
  const send = (url: string, ratePerMinute?: number) =>
    h.service.send({
      request: { method: 'POST', url: `${url}/x`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ...(ratePerMinute === undefined ? {} : { ratePerMinute }),
    } as never).id;
  const references = () =>
    h.db.prepare('SELECT origin FROM delivery_origin_last_request ORDER BY origin').pluck().all() as string[];
  const prune = () => h.service.pruneFinished({ maxAgeMs: null, maxCount: null });
  const t0 = h.clock.now();

  h.service.start();
  send(fast!, 2);
  send(slow!, ONCE_IN_TWO_DAYS);
  send(queuedSlow!);
  await h.settle();
  expect(await h.service.clearFinished(null)).toMatchObject({ deleted: 3 });
  // Spaced two days from the cleared request to its origin, so it waits in the queue, its rate stored.
  const waiting = send(queuedSlow!, ONCE_IN_TWO_DAYS);
  await h.settle();
  expect(h.service.get(waiting).state).toBe('pending');
  expect(references()).toEqual([fast, slow, queuedSlow].sort());

  h.clock.advance(t0 + DAY - 1 - h.clock.now());
  prune();
  expect(references()).toEqual([fast, slow, queuedSlow].sort());

  h.clock.advance(1001);
  prune();
  expect(references()).toEqual([slow, queuedSlow].sort());

  h.clock.advance(DAY);
  prune();
  expect(references()).not.toContain(slow);
});
