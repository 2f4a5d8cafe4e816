// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';

// The saved webhooks form against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

describe('saved webhook form, a header with a value and no name', () => {
  it('refuses the save naming the row and keeps the form as typed', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Keyed' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://127.0.0.1:9/hook' } });
    fireEvent.click(screen.getByTestId('saved-webhook-headers-add'));
    fireEvent.change(screen.getByLabelText('Header value 1'), { target: { value: 'sk_live_secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'headers: row 1 has a value but no name; name it or remove the row',
    );
    expect((await ui.api.call('webhooks.list', {})).items).toEqual([]);
    expect((screen.getByLabelText('Header value 1') as HTMLInputElement).value).toBe('sk_live_secret');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Keyed');
  });
});
