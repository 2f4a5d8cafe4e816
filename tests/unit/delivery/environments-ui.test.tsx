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

describe('environments editor', () => {
  it('creates, edits and deletes an environment, and names a bad variable', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByTestId('environments-edit'));
    fireEvent.change(screen.getByLabelText('Environment name'), { target: { value: 'staging' } });
    fireEvent.click(screen.getByTestId('environment-variables-add'));
    fireEvent.change(screen.getByLabelText('Variable 1'), { target: { value: 'base' } });
    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: 'http://127.0.0.1:9' } });
    fireEvent.click(editor().getByRole('button', { name: 'Create' }));
    await waitFor(async () =>
      expect((await environments()).map((e) => [e.name, e.variables])).toEqual([
        ['staging', { base: 'http://127.0.0.1:9' }],
      ]),
    );

    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: 'http://127.0.0.1:10' } });
    fireEvent.click(screen.getByTestId('environment-variables-add'));
    fireEvent.change(screen.getByLabelText('Variable 2'), { target: { value: 'a b' } });
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));
    expect((await editor().findByRole('alert')).textContent).toContain('variable name "a b"');
    fireEvent.change(screen.getByLabelText('Variable 2'), { target: { value: 'token' } });
    fireEvent.click(editor().getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await environments())[0]!.variables).toEqual({ base: 'http://127.0.0.1:10', token: '' }),
    );

    fireEvent.click(editor().getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await environments()).toEqual([]));
  });
});
