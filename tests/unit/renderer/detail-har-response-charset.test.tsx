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

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR whose response has no
// Content-Type header, only content.mimeType with a charset, so its body is stored in that charset.
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
  dir.cleanup();
});
afterEach(cleanup);

async function importedId(path: string, mimeType: string, text: string): Promise<number> {
  const har = JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: '2026-11-20T10:00:00.000Z',
          request: { method: 'GET', url: `https://hooks.example.com${path}`, headers: [] },
          response: { status: 200, headers: [], content: { mimeType, text } },
        },
      ],
    },
  });
  await api.call('captures.importHar', { har });
  const found = (await api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
  if (!found) throw new Error(`${path} was not filed`);
  return found.id;
}

describe('the Response tab of an imported capture typed only by content.mimeType', () => {
  it('shows a Latin-1 body as its text, hostile markup as text', async () => {
    const id = await importedId(
      '/har-response-latin1',
      'text/plain; charset=iso-8859-1',
      'café <b>crème</b>',
    );
    render(
      <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
        <DetailPane
          id={id}
          receiverUrl="http://127.0.0.1:1"
          endpoints={new Map()}
          query=""
          onDelete={() => {}}
          tab="response"
          onTabChange={() => {}}
        />
      </ApiProvider>,
    );
    expect(await screen.findByText(/café <b>crème<\/b>/)).toBeTruthy();
    expect(document.querySelector('.response-body b')).toBeNull();
  });
});
