import { afterEach, describe, expect, it } from 'vitest';
import { savedWebhookInput } from '../../../electron/shared/contract/delivery';
import { deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness>;
afterEach(() => h.close());

const save = (fields: Record<string, unknown>) =>
  h.service.webhooks.save(
    savedWebhookInput.parse({ method: 'POST', url: 'http://127.0.0.1:9/hook', ...fields }),
  );

// The fake clock stands still: every save below happens in the same millisecond.
describe('a saved webhook gets a new version on every save, even within one millisecond', () => {
  it('a save made from an older version in the same millisecond is refused as a conflict', () => {
    h = deliveryHarness();
    const opened = save({ name: 'Order paid' });
    const elsewhere = save({ id: opened.id, ifUpdatedAtMs: opened.updatedAtMs, name: 'Order paid (edited)' });
    expect(elsewhere.updatedAtMs).toBeGreaterThan(opened.updatedAtMs);

    const stale = () => save({ id: opened.id, ifUpdatedAtMs: opened.updatedAtMs, name: 'Order paid (mine)' });
    expect(stale).toThrow(
      /^ifUpdatedAtMs: saved webhook \d+ \("Order paid \(edited\)"\) was changed elsewhere/,
    );
    expect(h.service.webhooks.get(opened.id).name).toBe('Order paid (edited)');
  });

  it('keeps rising when the clock goes back, and follows the clock when it moves on', () => {
    h = deliveryHarness();
    const first = save({ name: 'Ping' });
    h.clock.advance(5_000);
    const second = save({ id: first.id, name: 'Ping 2' });
    expect(second.updatedAtMs).toBe(h.clock.now());
    h.clock.advance(-10_000);
    const third = save({ id: first.id, name: 'Ping 3' });
    expect(third.updatedAtMs).toBe(second.updatedAtMs + 1);
  });
});
