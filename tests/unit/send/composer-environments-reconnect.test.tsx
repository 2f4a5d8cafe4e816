// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';

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
  const real = createInProcessTransport(ui.engine);
  let live = true;
  const transport: Transport = {
    invoke: (method, input) => real.invoke(method, input),
    subscribe: (listener) => real.subscribe((event, payload) => live && listener(event, payload)),
    capabilities: () => real.capabilities(),
  };
  const connection = new ConnectionStatus();
  connection.set('open');
  render(
    <ApiProvider value={{ api: createApiClient(transport), connection }}>
      <Composer />
    </ApiProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
  await waitFor(() => expect(environmentNames()).toEqual(['None', 'staging']));

  live = false;
  act(() => connection.set('closed'));
  await ui.api.call('environments.save', { name: 'production', variables: {} });
  act(() => connection.set('open'));
  await waitFor(() => expect(environmentNames()).toEqual(['None', 'production', 'staging']));
});
