// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { tempDir } from '../../helpers/temp-dir';
import { removeDir } from '../../integration/delivery/helpers';

// The environments editor against a real engine (in-process transport, SQLite in a temp dir).
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  api = createApiClient(createInProcessTransport(engine));
});
afterAll(async () => {
  await engine.close();
  removeDir(dir.path);
});
afterEach(cleanup);

const editor = () => within(screen.getByTestId('environments-editor'));
const environments = async () => (await api.call('environments.list', {})).items;

describe('environments editor', () => {
  it('creates, edits and deletes an environment, and names a bad variable', async () => {
    render(
      <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
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
