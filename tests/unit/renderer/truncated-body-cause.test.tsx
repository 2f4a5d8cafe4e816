// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ComposeView } from '../../../renderer/src/features/compose/ComposeView';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { keyedEndpoint } from '../../helpers/protected-app';
import { brokenOffCaptureId, refusedBeforeContinueCaptureId } from '../../helpers/truncated-capture';
import { send } from '../../helpers/raw-http';

// A truncated capture says what happened to its body: cut at the size limit, broken off by its sender mid-body, or
// never sent because the request was refused before 100 Continue.
const ui = useEngineForUi();

beforeAll(async () => {
  await ui.api.call('settings.update', { bodyLimitBytes: 1024 });
  keyedEndpoint(ui, 'keyed', 'Keyed');
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

async function overLimit(path: string) {
  await send(`${ui.engine.receiverUrl}${path}`, {
    method: 'POST',
    chunked: [Buffer.alloc(1500, 'a'), Buffer.alloc(1500, 'b')],
  }).catch(() => undefined);
  return filedCaptureId(ui.api, path);
}

async function curlTitle(id: number) {
  renderDetailPane(ui.api, id, 'overview');
  const button = await screen.findByRole('button', { name: /^Copy as cURL/ });
  return button.getAttribute('title');
}

async function composeNote(id: number) {
  window.location.hash = `#view=compose&capture=${id}`;
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <ComposeView />
    </ApiProvider>,
  );
  return (await screen.findByTestId('compose-from-error')).textContent;
}

describe('what the detail pane and the composer say of a truncated capture', () => {
  it('cut at the size limit', async () => {
    const id = await overLimit('/cause/limit');
    expect(await curlTitle(id)).toBe(
      'This capture was truncated at the size limit: this command sends only the 1.0 KB stored of at least 1.5 KB',
    );
    cleanup();
    expect(await composeNote(id)).toBe(
      `Capture #${id} was truncated at the size limit: the body here is incomplete.`,
    );
  });

  it('broken off by its sender mid-body', async () => {
    const id = await brokenOffCaptureId(ui, '/cause/broke-off');
    const title = await curlTitle(id);
    expect(title).toMatch(/^This capture broke off mid-body \(the sender went away/);
    expect(title).toMatch(/sends only the 10 B that arrived$/);
    expect(title).not.toMatch(/size limit/);
    cleanup();
    expect(await composeNote(id)).toBe(
      `Capture #${id} broke off mid-body (the sender went away, or its chunking broke): the body here is incomplete.`,
    );
  });

  for (const framing of ['Content-Length: 50', 'Transfer-Encoding: chunked'])
    it(`never sent: refused before 100 Continue (${framing.split(':')[0]})`, async () => {
      const id = await refusedBeforeContinueCaptureId(ui, `/h/keyed/${framing.split(':')[0]}`, framing);
      expect(await curlTitle(id)).toBe(
        'This capture was refused before 100 Continue, so its body was never sent: this command sends no body',
      );
      cleanup();
      expect(await composeNote(id)).toBe(
        `Capture #${id} was refused before 100 Continue, so its body was never sent: the body here is empty.`,
      );
    });
});
