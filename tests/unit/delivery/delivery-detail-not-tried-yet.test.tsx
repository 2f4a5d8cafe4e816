// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';

const slow = useHoldingTarget();
const ui = useEngineForUi();
afterEach(cleanup);

it('a delivery queued behind another, with no attempt yet, reads "not tried yet", not "attempt 0 of N"', async () => {
  const send = (path: string, name: string) =>
    ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${slow.url}${path}`, headers: [], bodyBase64: '' },
      policy: 'standard',
      type: 'manual',
      name,
      concurrency: 1,
    });
  await send('/first', 'first-out');
  await waitFor(() => expect(slow.held).toHaveLength(1), { timeout: 5000 });
  const queued = await send('/second', 'queued-behind');
  const { state, attempts, maxAttempts } = await ui.api.call('deliveries.get', { id: queued.id });
  expect([state, attempts]).toEqual(['pending', 0]);

  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DeliveryDetailPanel id={queued.id} />
    </ApiProvider>,
  );
  const meta = await screen.findByText(/queued-behind/, { selector: '.delivery-meta' });
  expect(meta.textContent).toContain(`not tried yet, up to ${maxAttempts} attempts`);
  expect(meta.textContent).not.toContain('attempt 0');
});
