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

it('while the first attempt is out, the detail header reads the attempt in progress and a human state name', async () => {
  const sent = await ui.api.call('deliveries.send', {
    request: { method: 'POST', url: `${slow.url}/first`, headers: [], bodyBase64: '' },
    policy: 'standard',
    type: 'manual',
    name: 'first-out',
  });
  await waitFor(() => expect(slow.held).toHaveLength(1), { timeout: 5000 });
  const { state, maxAttempts } = await ui.api.call('deliveries.get', { id: sent.id });
  expect(state).toBe('in_flight');

  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DeliveryDetailPanel id={sent.id} />
    </ApiProvider>,
  );
  const meta = await screen.findByText(/first-out/, { selector: '.delivery-meta' });
  expect(meta.textContent).toContain(`attempt 1 of ${maxAttempts}, in flight`);
  expect(meta.textContent).not.toContain('attempt 0');
  expect(document.querySelector('.delivery-detail-head .pill')?.textContent).toBe('in flight');
});
