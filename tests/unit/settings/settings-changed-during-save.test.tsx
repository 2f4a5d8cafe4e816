// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { forgetSettingsEdits, SettingsPanel } from '../../../renderer/src/features/settings/SettingsPanel';
import { useEngineApi } from '../../helpers/engine-api';

// The settings panel against a real engine (in-process transport, SQLite in a temp dir).
const engineApi = useEngineApi();
afterEach(() => {
  cleanup();
  forgetSettingsEdits();
});

/** The panel's transport: after its own save is stored, another client saves too, before the panel hears back. */
function racedBySave(real: Transport, other: () => Promise<unknown>): Transport {
  return {
    invoke: async (method, input) => {
      const answer = await real.invoke(method, input);
      if (method === 'settings.update') await other();
      return answer;
    },
    subscribe: (listener) => real.subscribe(listener),
    capabilities: () => real.capabilities(),
  };
}

describe('settings panel: a change made elsewhere while its own save is in flight', () => {
  it('shows once the save completes, without reopening', async () => {
    const elsewhere = engineApi.api;
    await elsewhere.call('settings.update', { bodyLimitBytes: 25 * 1024 * 1024, notifyOnCapture: true });
    const transport = racedBySave(createInProcessTransport(engineApi.engine), () =>
      elsewhere.call('settings.update', { bodyLimitBytes: 102_400 }),
    );
    render(
      <ApiProvider value={{ api: createApiClient(transport), connection: new ConnectionStatus() }}>
        <SettingsPanel onDone={() => undefined} />
      </ApiProvider>,
    );
    await screen.findByTestId('settings-panel');
    expect((screen.getByLabelText('Body limit') as HTMLInputElement).value).toBe('25');

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText(/^Saved\./);

    expect(await elsewhere.call('settings.get', {})).toMatchObject({
      bodyLimitBytes: 102_400,
      notifyOnCapture: false,
    });
    await waitFor(() => {
      expect((screen.getByLabelText('Body limit') as HTMLInputElement).value).toBe('100');
      expect((screen.getByLabelText('Body limit unit') as HTMLSelectElement).value).toBe('KB');
    });
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('settings-changed-elsewhere')).toBeNull();
  });
});
