// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';

// The composer lists the environments again on `environments.changed`. Events sent while the live-event connection was
// down are lost: after it reconnects, the list must be what the engine has now.
const ui = useEngineForUi();
afterEach(cleanup);

const environmentNames = () =>
  [...(screen.getByTestId('record-environment') as HTMLSelectElement).querySelectorAll('option')].map(
    (o) => o.textContent,
  );

it('after a reconnect, the composer lists the environments saved while the connection was down', async () => {
  await ui.api.call('environments.save', { name: 'staging', variables: {} });
  const events = renderWithMissedEvents(ui.engine, <Composer />);
  fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
  await waitFor(() => expect(environmentNames()).toEqual(['None', 'staging']));

  events.disconnect();
  await ui.api.call('environments.save', { name: 'production', variables: {} });
  events.reconnect();
  await waitFor(() => expect(environmentNames()).toEqual(['None', 'production', 'staging']));
});
