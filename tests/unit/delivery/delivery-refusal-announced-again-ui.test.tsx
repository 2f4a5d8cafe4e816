// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine (in-process transport, SQLite in a temp dir) and a real destination; Retry now is refused the way the
// engine refuses it while an attempt holds the delivery, with the same words each time.
let retries = 0;
const target = useHttpTarget((req, res) => req.resume().on('end', () => res.end('ok')));
const ui = useEngineForUi((real): Transport => ({
  invoke: async (method, input) =>
    method === 'deliveries.retryNow'
      ? (retries++,
        { ok: false, error: { code: 'conflict', message: 'id: the delivery is being sent right now' } })
      : real.invoke(method, input),
  subscribe: (listener) => real.subscribe(listener),
  capabilities: () => real.capabilities(),
}));
afterEach(cleanup);

describe('Retry now refused twice in a row with the same words', () => {
  it('shows the second refusal in a new alert, so a screen reader announces it again', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/twice`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={sent.id} />
      </ApiProvider>,
    );
    const retry = await screen.findByRole('button', { name: 'Retry now' });
    await waitFor(() => expect(retry).toHaveProperty('disabled', false));

    fireEvent.click(retry);
    const first = await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(retries).toBe(2));
    await waitFor(() => expect(screen.getByRole('alert')).not.toBe(first));
    expect(screen.getByRole('alert').textContent).toBe(first.textContent);
  });
});
