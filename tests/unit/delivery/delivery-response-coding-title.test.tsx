// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers in a coding Hookscope
// does not undo: the engine keeps the bytes as received, and the title said they were decoded.

const target = useHttpTarget((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'compress' });
    res.end('kept as received');
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

describe('a delivery answered in a Content-Encoding the engine does not undo', () => {
  it('titles the response body as received, not decoded', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/compress`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await delivered(sent.id);
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={sent.id} />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    await screen.findByText(/^Response body \(/);
    const text = document.body.textContent ?? '';
    expect(text).toContain('sent as compress');
    expect(text).toContain('as received: not decoded');
    expect(text).not.toContain('kept, decoded');
  });
});
