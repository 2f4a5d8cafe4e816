// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DetailPane } from '../../../renderer/src/features/detail/DetailPane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR whose postData alone
// gives the type, boundary included, so its headers have no Content-Type.
const ui = useEngineForUi();
afterEach(cleanup);

async function importedId(path: string, mimeType: string, text: string): Promise<number> {
  const har = harOf({ path, postData: { mimeType, text } });
  await ui.api.call('captures.importHar', { har });
  for (let i = 0; i < 200; i++) {
    const found = (await ui.api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
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
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
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
