// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';

// Events sent while the live-event connection is down are lost (an engine restart in browser mode, a dropped socket):
// the delivery log, its waiting list and the open delivery's detail must catch up when it reconnects, or a delivery
// that succeeded meanwhile reads "in_flight" with no attempt until some other delivery changes.
const target = useHoldingTarget();
const { held } = target;
const ui = useEngineForUi();
afterEach(cleanup);

it('after a reconnect, the log, the waiting list and the open detail show what happened while events were missed', async () => {
  const { id } = await ui.api.call('deliveries.send', {
    request: { method: 'POST', url: `${target.url}/missed`, bodyBase64: '' },
    name: 'missed while offline',
  });
  await waitFor(() => expect(held).toHaveLength(1));
  const events = renderWithMissedEvents(ui.engine, <DeliveryLog opened={id} />);
  const waiting = await screen.findByRole('table', { name: 'Waiting deliveries' });
  await within(waiting).findByText('being sent now');
  await screen.findByText('in flight', { selector: '.delivery-detail-head .pill' });

  events.disconnect();
  held[0]!.end('delivered meanwhile');
  await waitFor(async () => expect((await ui.api.call('deliveries.get', { id })).state).toBe('succeeded'));
  events.reconnect();

  const log = screen.getByRole('table', { name: 'Delivery log' });
  await within(log).findByText('200');
  await screen.findByText('succeeded', { selector: '.delivery-detail-head .pill' });
  expect(screen.queryByRole('table', { name: 'Waiting deliveries' })).toBeNull();
});
