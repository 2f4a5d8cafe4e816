// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DetailPane } from '../../../renderer/src/features/detail/DetailPane';
import { tempDir } from '../../helpers/temp-dir';
import { removeDir } from '../../integration/delivery/helpers';

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR whose postData alone
// gives the type, boundary included, so its headers have no Content-Type.
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

async function importedId(path: string, mimeType: string, text: string): Promise<number> {
  const har = JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: {
            method: 'POST',
            url: `https://hooks.example.com${path}`,
            headers: [],
            postData: { mimeType, text },
          },
        },
      ],
    },
  });
  await api.call('captures.importHar', { har });
  for (let i = 0; i < 200; i++) {
    const found = (await api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} was not filed`);
}

describe('the Body tab of an imported capture typed only by postData.mimeType', () => {
  it('shows a multipart body as its parts, by the boundary in that type', async () => {
    const id = await importedId(
      '/har-body-multipart',
      'multipart/form-data; boundary=XyZ',
      '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--XyZ--\r\n',
    );
    render(
      <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
        <DetailPane
          id={id}
          receiverUrl="http://127.0.0.1:1"
          endpoints={new Map()}
          query=""
          onDelete={() => {}}
          tab="body"
          onTabChange={() => {}}
        />
      </ApiProvider>,
    );
    expect(await screen.findByText('email')).toBeTruthy();
    expect(document.body.textContent).not.toContain('No boundary in Content-Type');
  });
});
