// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';

const target = useHoldingTarget();
const ui = useEngineForUi();
afterEach(cleanup);

// The panel showed the delivery in flight; it finished while its update event was lost, so Cancel is refused.
describe('the delivery detail after Cancel is refused', () => {
  it('shows the refusal and reloads the delivery, which has finished', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/finishing`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    const events = renderWithMissedEvents(ui.engine, <DeliveryDetailPanel id={sent.id} />);
    await waitFor(() => expect(target.held).toHaveLength(1));
    await waitFor(() =>
      expect(document.querySelector('.delivery-detail-head .pill')?.textContent).toBe('in flight'),
    );
    events.disconnect();
    target.held[0]!.end('ok');
    await waitFor(async () =>
      expect((await ui.api.call('deliveries.get', { id: sent.id })).state).toBe('succeeded'),
    );
    expect(document.querySelector('.delivery-detail-head .pill')?.textContent).toBe('in flight');

    const cancel = screen.getByRole('button', { name: 'Cancel' });
    fireEvent.click(cancel);
    await screen.findByRole('alert');
    await waitFor(() =>
      expect(document.querySelector('.delivery-detail-head .pill')?.textContent).toBe('succeeded'),
    );
    expect(cancel).toHaveProperty('disabled', true);
  });
});
