import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import type { SettingsPatch } from '../../electron/shared/contract/app';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { forgetSettingsEdits, SettingsPanel } from '../../renderer/src/features/settings/SettingsPanel';
import { useEngineForUi } from './engine-for-ui';
import { recordingTransport } from './recording-transport';

/**
 * The settings panel against a real engine (in-process transport, SQLite in a temp dir) whose API calls are recorded.
 * Before each test the stored settings go back to no retention limits, a 25 MB body limit and notifications on, and
 * the record is cleared; after it the panel is unmounted and its unsaved edits forgotten.
 */
export function useSettingsPanel() {
  let calls: Array<{ method: string; input: unknown }> = [];
  const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
  beforeEach(async () => {
    await ui.api.call('settings.update', {
      retention: { maxCount: null, maxAgeMs: null },
      deliveryRetention: { maxAgeMs: null, maxCount: null },
      bodyLimitBytes: 25 * 1024 * 1024,
      notifyOnCapture: true,
    });
    calls = [];
  });
  afterEach(() => {
    cleanup();
    forgetSettingsEdits();
  });

  /** The `settings.update` inputs the panel sent since the test began (or since `forgetCalls`). */
  const updates = () =>
    calls.filter((c) => c.method === 'settings.update').map((c) => c.input as SettingsPatch);
  return {
    get api() {
      return ui.api;
    },
    forgetCalls: () => {
      calls = [];
    },
    updates,
    mount: async () => {
      render(
        <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
          <SettingsPanel onDone={() => undefined} />
        </ApiProvider>,
      );
      await screen.findByTestId('settings-panel');
    },
    type: (label: string, text: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value: text } }),
    chooseUnit: (label: string, unit: string) =>
      fireEvent.change(screen.getByLabelText(`${label} unit`), { target: { value: unit } }),
    /** Clicks Save, waits for "Saved." or an alert, and returns the updates that save sent. */
    save: async () => {
      const before = updates().length;
      fireEvent.click(screen.getByTestId('settings-save'));
      await waitFor(() =>
        expect(screen.queryByText(/^Saved\./) ?? screen.queryByRole('alert')).not.toBeNull(),
      );
      return updates().slice(before);
    },
    stored: () => ui.api.call('settings.get', {}),
  };
}
