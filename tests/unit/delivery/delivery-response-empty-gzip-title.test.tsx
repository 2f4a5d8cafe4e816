// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine (in-process transport, SQLite in a temp dir) and a destination that answers 204 labelled gzip: there is
// nothing to decode, and the title said the (empty) body was kept "as received: not decoded".

const target = useHttpTarget((req, res) =>
  req.resume().on('end', () => {
    res.writeHead(204, { 'Content-Encoding': 'gzip' });
    res.end();
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

describe('a delivery answered with an empty body labelled gzip', () => {
  it('titles the response body plainly, neither decoded nor not decoded', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/empty-gzip`, headers: [], bodyBase64: '' },
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
    const body = await screen.findByLabelText('Attempt 1 response body');
    expect(body.textContent).toBe('(empty)');
    expect(body.previousElementSibling?.textContent).toBe('Response body');
  });
});
