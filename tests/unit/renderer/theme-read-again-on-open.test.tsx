// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider, useApi, useConnection } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useTheme } from '../../../renderer/src/state/theme';
import { useEngineForUi } from '../../helpers/engine-for-ui';

/** While `down`, every call fails as an unreachable server's does and events are lost. */
let down = false;
const ui = useEngineForUi((real): Transport => ({
  invoke: (method, input) => (down ? Promise.reject(new Error('fetch failed')) : real.invoke(method, input)),
  subscribe: (listener) => real.subscribe((event, payload) => !down && listener(event, payload)),
  capabilities: () => real.capabilities(),
}));
afterEach(() => {
  cleanup();
  down = false;
});
/** The engine's API past the outage, as another tab or the desktop menu reaches it. */
const elsewhere = () => createApiClient(createInProcessTransport(ui.engine));

/** The theme as App wires it: read, toggled, and read again when the connection opens. */
function ThemeProbe() {
  const theme = useTheme(useApi());
  useConnection(theme.onConnectionOpen);
  return (
    <button type="button" data-testid="choice" onClick={theme.cycle}>
      {theme.choice}
    </button>
  );
}

const savedTheme = async () => (await ui.api.call('settings.get', {})).theme;

describe('the theme when the engine cannot be reached at first', () => {
  it('reads the saved theme once the connection opens, and saves a toggle made before', async () => {
    down = true;
    const connection = new ConnectionStatus();
    render(
      <ApiProvider value={{ api: ui.api, connection }}>
        <ThemeProbe />
      </ApiProvider>,
    );
    await act(async () => undefined);
    expect(screen.getByTestId('choice').textContent).toBe('system');

    fireEvent.click(screen.getByTestId('choice'));
    const toggled = screen.getByTestId('choice').textContent!;
    expect(toggled).not.toBe('system');
    await elsewhere().call('settings.update', { theme: toggled === 'dark' ? 'light' : 'dark' });

    down = false;
    await act(async () => connection.set('open'));
    await waitFor(async () => expect(await savedTheme()).toBe(toggled));
    expect(screen.getByTestId('choice').textContent).toBe(toggled);
  });

  it('takes in a theme saved elsewhere while its events were down, once the connection opens again', async () => {
    await ui.api.call('settings.update', { theme: 'light' });
    const connection = new ConnectionStatus();
    connection.set('open');
    render(
      <ApiProvider value={{ api: ui.api, connection }}>
        <ThemeProbe />
      </ApiProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('choice').textContent).toBe('light'));

    await act(async () => connection.set('closed'));
    down = true;
    await elsewhere().call('settings.update', { theme: 'dark' });
    down = false;
    expect(screen.getByTestId('choice').textContent).toBe('light');
    await act(async () => connection.set('open'));
    await waitFor(() => expect(screen.getByTestId('choice').textContent).toBe('dark'));
  });
});
