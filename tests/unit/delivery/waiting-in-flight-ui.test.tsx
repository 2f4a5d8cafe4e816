// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';

// The target takes each request and answers only when the test is over.
const slow = useHoldingTarget();
const { held } = slow;
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

it('a delivery whose first attempt is still waiting for a slow target shows in the log, and can be cancelled', async () => {
  const api = ui.api;
  const sent = await api.call('deliveries.send', {
    request: { method: 'POST', url: `${slow.url}/slow-hook`, headers: [], bodyBase64: '' },
    policy: 'none',
    type: 'manual',
    name: 'slow-first',
  });
  await waitFor(() => expect(held).toHaveLength(1), { timeout: 5000 });
  expect((await api.call('deliveries.get', { id: sent.id })).state).toBe('in_flight');

  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <DeliveryLog />
    </ApiProvider>,
  );
  // Before, neither list had it: the log said "No deliveries yet" while the request was on its way.
  const waiting = await screen.findByRole('table', { name: 'Waiting deliveries' }, { timeout: 5000 });
  const row = (await within(waiting).findByText('slow-first')).closest('tr')!;
  expect(row.textContent).toContain('in flight');
  expect(row.textContent).toContain('being sent now');
  expect(screen.queryByText(/No deliveries yet/)).toBeNull();

  fireEvent.change(screen.getByLabelText('State'), { target: { value: 'in_flight' } });
  await waitFor(() =>
    expect(within(screen.getByRole('table', { name: 'Waiting deliveries' })).getByText('slow-first')),
  );

  fireEvent.click(row);
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  await waitFor(() =>
    expect(document.querySelector('.delivery-detail .pill')?.textContent).toBe('cancelled'),
  );
});
