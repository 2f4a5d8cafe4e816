import { useCleanup } from './cleanup';
import { cueServer, deliveryHarness, type Cue, type Received } from '../integration/delivery/helpers';

type CueOf = (n: number, req: Received) => Cue;

/**
 * For a test of one destination's retry beside another destination's backlog: `start` makes a delivery harness (its
 * service not yet started) with `rows` deliveries queued to a `backlog` cue server, each sent with `rowOptions`, and
 * one delivery (`retried`) to a `flaky` cue server that retries once, 500 ms after a failure. All closed after each test.
 */
export function useRetryBesideBacklog() {
  const cleanup = useCleanup();
  return async function start(setup: {
    backlogCue: CueOf;
    flakyCue: CueOf;
    rows: number;
    rowOptions: Record<string, unknown>;
  }) {
    const backlog = await cueServer(setup.backlogCue);
    const flaky = await cueServer(setup.flakyCue);
    cleanup.push(
      () => backlog.close(),
      () => flaky.close(),
    );
    const h = deliveryHarness();
    cleanup.push(() => h.close());
    for (let i = 0; i < setup.rows; i++)
      h.service.send({
        request: { method: 'POST', url: `${backlog.url}/row/${i}`, headers: [], bodyBase64: '' },
        type: 'manual',
        policy: 'none',
        ...setup.rowOptions,
      } as never);
    const retried = h.service.send({
      request: { method: 'POST', url: `${flaky.url}/hook`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'custom',
      customWaitsMs: [500],
    } as never);
    return { h, backlog, flaky, retried };
  };
}
