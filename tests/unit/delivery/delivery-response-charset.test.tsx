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

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers in Latin-1.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  target = createServer((req, res) =>
    req.resume().on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
      res.end(Buffer.from('Reçu: café crème', 'latin1'));
    }),
  );
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

async function delivered(id: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await api.call('deliveries.get', { id })).state === 'succeeded') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`delivery ${id} did not succeed`);
}

describe('a delivery answered in the charset its Content-Type declares', () => {
  it('shows the response body as that text, not as UTF-8 replacement characters', async () => {
    const sent = await api.call('deliveries.send', {
      request: { method: 'POST', url: `${targetUrl}/latin1`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await delivered(sent.id);
    render(
      <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={sent.id} />
      </ApiProvider>,
    );
    const cells = await screen.findAllByText(/Re.u: caf. cr.me/);
    expect(cells.map((c) => c.textContent)).toContain('Reçu: café crème');
    expect(document.body.textContent).not.toContain('\ufffd');
  });
});
