// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { tempDir } from '../../helpers/temp-dir';
import { removeDir } from '../../integration/delivery/helpers';

// The detail panel against a real engine (in-process transport, SQLite in a temp dir) and a real destination.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  target = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  api = createApiClient(createInProcessTransport(engine));
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await engine.close();
  removeDir(dir.path);
});
afterEach(cleanup);

const panel = (id: number) => (
  <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
    <DeliveryDetailPanel id={id} />
  </ApiProvider>
);

describe('delivery detail panel', () => {
  it('an error about one delivery goes away when another is picked', async () => {
    const sent = await api.call('deliveries.send', {
      request: { method: 'POST', url: `${targetUrl}/detail`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
      name: 'picked next',
    });
    const view = render(panel(987654));
    await screen.findByText(/987654/);
    view.rerender(panel(sent.id));
    await screen.findByText(/picked next/);
    expect(screen.queryByText(/987654/)).toBeNull();
  });
});
