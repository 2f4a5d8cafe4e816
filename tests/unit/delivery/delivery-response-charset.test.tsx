// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers in Latin-1.

const target = useHttpTarget((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
    res.end(Buffer.from('Reçu: café crème', 'latin1'));
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

describe('a delivery answered in the charset its Content-Type declares', () => {
  it('shows the response body as that text, not as UTF-8 replacement characters', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/latin1`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await delivered(sent.id);
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={sent.id} />
      </ApiProvider>,
    );
    const cells = await screen.findAllByText(/Re.u: caf. cr.me/);
    expect(cells.map((c) => c.textContent)).toContain('Reçu: café crème');
    expect(document.body.textContent).not.toContain('\ufffd');
  });
});
