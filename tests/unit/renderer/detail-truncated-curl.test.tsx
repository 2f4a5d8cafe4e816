// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { filedCaptureId } from '../../helpers/filed-capture';
import { send } from '../../helpers/raw-http';
import { renderDetailPane } from '../../helpers/detail-pane';
import { tempDir } from '../../helpers/temp-dir';

// A real engine and receiver (port 0, SQLite in a temp dir) with a 1 KB body limit.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  api = createApiClient(createInProcessTransport(engine));
  await api.call('settings.update', { bodyLimitBytes: 1024 });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});
afterEach(cleanup);

function renderDetail(id: number) {
  renderDetailPane(api, id, 'overview', '', engine.receiverUrl);
}

// The replay refuses a truncated capture; the copied command sent the stored 1 KB as if it were the whole body.
describe('Copy as cURL in the detail header', () => {
  it('says the body is incomplete for a capture truncated at the size limit', async () => {
    await send(`${engine.receiverUrl}/truncated-curl`, {
      method: 'POST',
      chunked: [Buffer.alloc(1500, 'a'), Buffer.alloc(1500, 'b')],
    }).catch(() => undefined);
    renderDetail(await filedCaptureId(api, '/truncated-curl'));
    const button = await screen.findByRole('button', { name: /^Copy as cURL/ });
    expect(button.textContent).toBe('Copy as cURL (body incomplete)');
    expect(button.getAttribute('title')).toContain('sends only the 1.0 KB stored');
  });

  it('is the plain copy for a whole body', async () => {
    await send(`${engine.receiverUrl}/whole-curl`, { method: 'POST', body: 'small' });
    renderDetail(await filedCaptureId(api, '/whole-curl'));
    expect((await screen.findByRole('button', { name: /^Copy as cURL/ })).textContent).toBe('Copy as cURL');
  });
});
