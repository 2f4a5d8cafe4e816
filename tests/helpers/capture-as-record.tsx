import { act, fireEvent, render, screen } from '@testing-library/react';
import { request } from 'undici';
import { ApiProvider } from '../../renderer/src/api';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { Composer } from '../../renderer/src/features/compose';

/**
 * POSTs `body` as `contentType` to the engine's receiver at `path`, renders the Composer, and loads that capture as the
 * merge record (Merge fields tab, capture source, its number and Enter).
 */
export async function loadCaptureAsRecord(
  ui: { readonly api: ApiClient; readonly engine: { receiverUrl: string } },
  path: string,
  contentType: string,
  body: string | Buffer,
): Promise<void> {
  // undici, not the page's fetch: happy-dom would apply CORS to a request the test makes as a sender.
  const res = await request(`${ui.engine.receiverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  await res.body.dump();
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Composer />
    </ApiProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
  fireEvent.click(screen.getByTestId('record-source-capture'));
  const input = screen.getByTestId('record-capture-id');
  fireEvent.change(input, { target: { value: String(res.headers['x-hookscope-capture-id']) } });
  await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
}
