// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { renderDetailPane } from '../../helpers/detail-pane';
import { tempDir } from '../../helpers/temp-dir';

// A real engine whose receiver listens on ::1 (as `hookscope serve --host ::1` does), port 0, SQLite in a temp dir.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger, receiverHost: '::1' });
  api = createApiClient(createInProcessTransport(engine));
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});
afterEach(cleanup);

describe("the Overview's From field", () => {
  it('writes an IPv6 peer in brackets before its port', async () => {
    const port = new URL(engine.receiverUrl).port;
    await send(`http://[::1]:${port}/ipv6-peer`, { method: 'POST', body: 'x' });
    let id: number | undefined;
    for (let i = 0; i < 200 && id === undefined; i++) {
      id = (await api.call('captures.list', { limit: 10 })).items.find((c) => c.path === '/ipv6-peer')?.id;
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const detail = await api.call('captures.get', { id: id! });
    renderDetailPane(api, id!, 'overview', '', engine.receiverUrl);
    // `::1:51234` reads as one address (::1:51234) with no port.
    expect(await screen.findByText(`[::1]:${detail.remotePort}`)).toBeTruthy();
  });
});
