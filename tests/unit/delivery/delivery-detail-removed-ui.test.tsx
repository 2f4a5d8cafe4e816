// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { deliveryLogAfterSends } from '../../helpers/delivery-log-after-sends';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useOkTarget } from '../../helpers/ok-target';

// The open delivery removed under the log (retention, or Clear finished from another window or the API): its detail
// panel must say so plainly, not keep showing it nor turn into a load error.
const target = useOkTarget();
const ui = useEngineForUi();
afterEach(cleanup);

async function sendAndOpen(names: string[], open: string) {
  const log = await deliveryLogAfterSends(ui.api, target.base, names);
  fireEvent.click(await within(log).findByText(open));
  await screen.findByRole('button', { name: 'Retry now' });
}

it('the open delivery pruned by retention is said to be removed, not shown nor failed to load', async () => {
  await sendAndOpen(['pruned-older', 'kept-newest'], 'pruned-older');
  try {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: 1 } });
    await screen.findByText(/This delivery was removed by delivery-log retention or Clear finished/);
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(screen.queryByText(/no delivery/)).toBeNull();
  } finally {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: null } });
  }
});

it('the open delivery cleared by another window is said to be removed', async () => {
  await sendAndOpen(['cleared-elsewhere'], 'cleared-elsewhere');
  await ui.api.call('deliveries.clearFinished', {});
  await screen.findByText(/This delivery was removed by delivery-log retention or Clear finished/);
  expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
});

it('a delivery that still exists stays open when others are removed', async () => {
  await sendAndOpen(['older', 'newest-open'], 'newest-open');
  try {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: 1 } });
    const log = screen.getByRole('table', { name: 'Delivery log' });
    await waitFor(() => expect(within(log).queryByText('older')).toBeNull());
    screen.getByRole('button', { name: 'Retry now' });
    expect(screen.queryByText(/This delivery was removed/)).toBeNull();
  } finally {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: null } });
  }
});
