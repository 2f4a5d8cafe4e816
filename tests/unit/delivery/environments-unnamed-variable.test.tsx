// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';

// The environments editor against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const editor = () => within(screen.getByTestId('environments-editor'));
const environments = async () => (await ui.api.call('environments.list', {})).items;

describe('environments editor, a variable with a value and no name', () => {
  it('refuses the save naming the row, keeps what was typed, and saves once it is named', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByTestId('environments-edit'));
    fireEvent.change(screen.getByLabelText('Environment name'), { target: { value: 'prod' } });
    fireEvent.click(screen.getByTestId('environment-variables-add'));
    fireEvent.click(screen.getByTestId('environment-variables-add'));
    fireEvent.change(screen.getByLabelText('Variable 1'), { target: { value: 'base' } });
    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: 'http://127.0.0.1:9' } });
    fireEvent.change(screen.getByLabelText('Value 2'), { target: { value: 'sk_live_secret' } });
    fireEvent.click(editor().getByRole('button', { name: 'Create' }));
    expect((await editor().findByRole('alert')).textContent).toBe(
      'variables: row 2 has a value but no name; name it or remove the row',
    );
    expect(await environments()).toEqual([]);
    expect((screen.getByLabelText('Value 2') as HTMLInputElement).value).toBe('sk_live_secret');

    fireEvent.change(screen.getByLabelText('Variable 2'), { target: { value: 'token' } });
    fireEvent.click(editor().getByRole('button', { name: 'Create' }));
    await waitFor(async () =>
      expect((await environments()).map((e) => e.variables)).toEqual([
        { base: 'http://127.0.0.1:9', token: 'sk_live_secret' },
      ]),
    );
  });
});
