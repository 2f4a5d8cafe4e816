// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { responseBodyTitle } from '../../../renderer/src/features/deliveries/response-body-title';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that labels plain text as gzip: the
// engine cannot undo the coding and keeps the bytes as received, and the title said they were decoded.

const target = useHttpTarget((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    res.end('plain text, not gzip');
  }),
);
const ui = useEngineForUi();
afterEach(cleanup);

async function delivered(id: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await ui.api.call('deliveries.get', { id })).state === 'succeeded') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`delivery ${id} did not succeed`);
}

describe('a delivery answered with bytes its Content-Encoding cannot undo', () => {
  it('keeps the bytes as received and titles them so, not decoded', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/not-gzip`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await delivered(sent.id);
    const [attempt] = (await ui.api.call('deliveries.get', { id: sent.id })).attemptList;
    expect(Buffer.from(attempt!.responseBodyBase64, 'base64').toString()).toBe('plain text, not gzip');
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={sent.id} />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    await screen.findByText(/^Response body \(/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('sent as gzip');
    expect(text).toContain('as received: not decoded');
    expect(text).not.toContain('kept, decoded');
  });
});

describe('an attempt recorded before the engine kept whether it decoded the body', () => {
  it('is titled by its coding alone, as before', () => {
    const title = responseBodyTitle({
      responseBodyBase64: Buffer.from('hello').toString('base64'),
      responseBodyBytes: 25,
      responseHeaders: [['Content-Encoding', 'gzip']],
      responseBodyDecoded: null,
    });
    expect(title).toBe('Response body (sent as gzip, 25 bytes on the wire; 5 bytes kept, decoded)');
  });
});
