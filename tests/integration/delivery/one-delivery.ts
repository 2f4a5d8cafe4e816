import { onTestFinished } from 'vitest';
import type { DeliveryServiceDeps } from '../../../electron/engine/delivery/service';
import { cueServer, deliveryHarness, type Cue, type Received } from './helpers';

/**
 * A started delivery harness that has queued one manual empty POST to `/hook` on a cue server; `options` are the
 * send's other fields (`policy`, `customWaitsMs`, `timeoutMs`, …); `overrides` replace the harness's deps (`log`, …).
 * The harness, then the server, close after the test.
 */
export async function sendOneDelivery(
  cue: (n: number, req: Received) => Cue,
  options: Record<string, unknown>,
  overrides: Partial<DeliveryServiceDeps> = {},
) {
  const server = await cueServer(cue);
  const h = deliveryHarness(overrides);
  onTestFinished(async () => {
    await h.close();
    await server.close();
  });
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    ...options,
  } as never);
  return { server, h, id };
}
