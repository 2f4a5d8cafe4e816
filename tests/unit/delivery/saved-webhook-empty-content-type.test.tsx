// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { tempDir } from '../../helpers/temp-dir';
import { removeDir } from '../../integration/delivery/helpers';
import { recordingTransport } from '../../helpers/recording-transport';

// A saved webhook with an empty Content-Type is sent as from the composer: after a warning, without it.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;
let calls: Array<{ method: string; input: unknown }> = [];
let target: Server;
let targetUrl: string;
const arrived: Array<string | undefined> = [];

beforeAll(async () => {
  target = createServer((req, res) => {
    arrived.push(req.headers['content-type']);
    req.resume().on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  api = createApiClient(recordingTransport(createInProcessTransport(engine), (call) => calls.push(call)));
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await engine.close();
  removeDir(dir.path);
});
afterEach(() => {
  cleanup();
  forgetKeptState();
  calls = [];
});

it('warns that an empty Content-Type is left out, and on "send anyway" sends the detected type', async () => {
  await api.call('webhooks.save', {
    name: 'Empty type',
    method: 'POST',
    url: `${targetUrl}/empty-type`,
    headers: [['Content-Type', '']],
    body: '{"a":1}',
  });
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <SavedWebhooks />
    </ApiProvider>,
  );
  await screen.findByText('Empty type');
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  const warning = await screen.findByText(
    /Content-Type has no value, so it is left out and the detected type is sent/,
  );
  expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
  fireEvent.click(within(warning).getByRole('button', { name: 'Send anyway' }));
  await screen.findByText(/Queued delivery \d+/);
  await waitFor(() => expect(arrived).toEqual(['application/json']));
});
