// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import type { Endpoint } from '../../../electron/shared/contract/endpoints';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { EndpointsPanel } from '../../../renderer/src/features/endpoints/EndpointsPanel';
import { tempDir } from '../../helpers/temp-dir';

// A real engine (in-process transport, SQLite in a temp dir). Newer versions refuse saving a signature secret with a
// space or line break around it; one stored by an older version is still read, and its settings must say so.
const ui = {} as { api: ApiClient; engine: Engine };
let dir: ReturnType<typeof tempDir>;
const endpoints = new Map<string, Endpoint>();
const startEngine = async () => {
  ui.engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  ui.api = createApiClient(createInProcessTransport(ui.engine));
};

// Each endpoint verifies GitHub signatures; its secret is then written into its row as an older version would have.
beforeAll(async () => {
  dir = tempDir();
  await startEngine();
  for (const [slug, secret] of [
    ['padded', 'shh\n'],
    ['clean', 'shh'],
  ] as const) {
    const { id } = await ui.api.call('endpoints.create', {
      slug,
      name: slug,
      verify: { scheme: 'github', secret: 'shh', toleranceSeconds: 300 },
    });
    const row = ui.engine.ctx.db.prepare('SELECT verify FROM endpoints WHERE id = ?').get(id) as {
      verify: string;
    };
    ui.engine.ctx.db
      .prepare('UPDATE endpoints SET verify = ? WHERE id = ?')
      .run(JSON.stringify({ ...JSON.parse(row.verify), secret }), id);
  }
  await ui.engine.close();
  await startEngine();
  for (const e of (await ui.api.call('endpoints.list', {})).items) endpoints.set(e.slug, e);
  expect(endpoints.get('padded')?.verify?.secret).toBe('shh\n');
});
afterAll(async () => {
  await ui.engine.close();
  dir.cleanup();
});
afterEach(cleanup);

function renderPanel(endpoint: Endpoint) {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <EndpointsPanel
        endpoints={[endpoint]}
        receiverUrl={null}
        publicUrl={null}
        onShowCaptures={() => undefined}
      />
    </ApiProvider>,
  );
  return screen.getByTestId('endpoint-card');
}

const warning = /stored secret has spaces or line breaks around it.*re-save it/;

describe('an endpoint whose stored signature secret has a line break around it', () => {
  it('says so on its card and next to the verify settings of its form', async () => {
    const card = renderPanel(endpoints.get('padded')!);
    expect(within(card).getByTestId('endpoint-verify-stored-secret-padded').textContent).toMatch(warning);
    fireEvent.click(within(card).getByRole('button', { name: /edit/i }));
    const settings = await screen.findByTestId('endpoint-protection');
    expect(within(settings).getByTestId('endpoint-verify-stored-secret-padded').textContent).toMatch(warning);
  });

  it('says nothing for a secret stored without one', async () => {
    const card = renderPanel(endpoints.get('clean')!);
    expect(within(card).queryByTestId('endpoint-verify-stored-secret-padded')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: /edit/i }));
    await screen.findByTestId('endpoint-protection');
    expect(screen.queryByTestId('endpoint-verify-stored-secret-padded')).toBeNull();
  });
});
