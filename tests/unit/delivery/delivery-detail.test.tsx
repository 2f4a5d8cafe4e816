// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// The detail panel against a real engine (in-process transport, SQLite in a temp dir) and a real destination.

const target = useHttpTarget((req, res) => req.resume().on('end', () => res.end('ok')));
const ui = useEngineForUi();
afterEach(cleanup);

const panel = (id: number, client = ui.api) => (
  <ApiProvider value={{ api: client, connection: new ConnectionStatus() }}>
    <DeliveryDetailPanel id={id} />
  </ApiProvider>
);

describe('delivery detail panel', () => {
  it('an error about one delivery goes away when another is picked', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/detail`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
      name: 'picked next',
    });
    const view = render(panel(987654));
    await screen.findByText(/987654/);
    view.rerender(panel(sent.id));
    await screen.findByText(/picked next/);
    expect(screen.queryByText(/987654/)).toBeNull();
  });

  it('a slow answer about the delivery picked before does not replace the one picked now', async () => {
    const send = (name: string) =>
      ui.api.call('deliveries.send', {
        request: { method: 'POST', url: `${target.url}/${name}`, headers: [], bodyBase64: '' },
        policy: 'none',
        type: 'manual',
        name,
      });
    const first = await send('picked-first');
    const second = await send('picked-second');
    // Loading the first delivery waits until released, so its answer lands after the second's.
    const real = createInProcessTransport(ui.engine);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held: Promise<unknown> = Promise.resolve();
    const transport: Transport = {
      invoke: (method, input) => {
        if (method !== 'deliveries.get' || (input as { id: number }).id !== first.id)
          return real.invoke(method, input);
        const answer = gate.then(() => real.invoke(method, input));
        held = answer;
        return answer;
      },
      subscribe: (listener) => real.subscribe(listener),
      capabilities: () => real.capabilities(),
    };
    const client = createApiClient(transport);
    const view = render(panel(first.id, client));
    view.rerender(panel(second.id, client));
    await screen.findAllByText(/picked-second/);
    release();
    await act(() => held.then(() => undefined));
    expect(screen.getAllByText(/picked-second/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/picked-first/)).toBeNull();
  });
});
