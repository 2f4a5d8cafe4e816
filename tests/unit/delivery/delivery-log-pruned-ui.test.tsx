// @vitest-environment happy-dom
import { cleanup, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { deliveryLogAfterSends } from '../../helpers/delivery-log-after-sends';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useOkTarget } from '../../helpers/ok-target';

// Delivery-log retention prunes in the background; an open log must drop the pruned rows (their details no longer
// load), not keep listing them until something else makes it reload.
const target = useOkTarget();
const ui = useEngineForUi();
afterEach(cleanup);

it('an open delivery log drops the deliveries that retention pruned', async () => {
  const log = await deliveryLogAfterSends(ui.api, target.base, ['pruned-older', 'kept-newest']);
  await within(log).findByText('pruned-older');
  within(log).getByText('kept-newest');

  try {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: 1 } });
    await waitFor(async () =>
      expect((await ui.api.call('deliveries.log', { filter: {} })).items.map((r) => r.name)).toEqual([
        'kept-newest',
      ]),
    );
    await waitFor(() => expect(within(log).queryByText('pruned-older')).toBeNull());
    within(log).getByText('kept-newest');
  } finally {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: null } });
  }
});
