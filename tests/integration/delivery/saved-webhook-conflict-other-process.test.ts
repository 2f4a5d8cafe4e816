import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../electron/engine/store/database';
import { savedWebhookInput } from '../../../electron/shared/contract/delivery';
import { holdWriteLock } from '../../helpers/write-lock-holder';
import { deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness>;
afterEach(() => h.close());

const save = (fields: Record<string, unknown>) =>
  h.service.webhooks.save(
    savedWebhookInput.parse({ method: 'POST', url: 'http://127.0.0.1:9/hook', ...fields }),
  );

describe('a saved webhook edited from its opened version while another process saves it', () => {
  it('is refused as a conflict when the other save commits while this one waits for the write lock', async () => {
    h = deliveryHarness();
    const opened = save({ name: 'Order paid' });
    // The other process holds the write lock now and commits its edit a second later, within the busy timeout.
    const other = await holdWriteLock(
      join(h.dataDir, databaseFileName),
      `UPDATE saved_webhooks SET name = 'Order paid (elsewhere)', updated_at_ms = updated_at_ms + 1 WHERE id = ${opened.id}`,
    );
    const stale = () => save({ id: opened.id, ifUpdatedAtMs: opened.updatedAtMs, name: 'Order paid (mine)' });
    expect(stale).toThrow(
      /^ifUpdatedAtMs: saved webhook \d+ \("Order paid \(elsewhere\)"\) was changed elsewhere/,
    );
    await other.exited;
    expect(h.service.webhooks.get(opened.id).name).toBe('Order paid (elsewhere)');
  });
});
