// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useDeliveryRun } from '../../../renderer/src/features/deliveries/use-delivery-run';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// The composer follows the delivery it sent through live events. Those sent while the connection was down are lost:
// after it reconnects, the status must show what the delivery is now, not "in flight" for good.
const held: ServerResponse[] = [];
const target = useHttpTarget((req, res) => {
  req.resume();
  req.on('end', () => held.push(res));
});
const ui = useEngineForUi();
afterEach(cleanup);

function SendProbe({ url }: { url: string }) {
  const [run, , start] = useDeliveryRun();
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          void start(() =>
            ui.api.call('deliveries.send', { request: { method: 'POST', url, bodyBase64: '' } }),
          )
        }
      >
        Send
      </button>
      <output>
        {run.kind === 'sent' ? `${run.delivery.state} ${run.delivery.lastStatus ?? ''}` : run.kind}
      </output>
    </div>
  );
}

it('after a reconnect, the sent delivery shows its state now', async () => {
  const real = createInProcessTransport(ui.engine);
  let live = true;
  const transport: Transport = {
    invoke: (method, input) => real.invoke(method, input),
    subscribe: (listener) => real.subscribe((event, payload) => live && listener(event, payload)),
    capabilities: () => real.capabilities(),
  };
  const connection = new ConnectionStatus();
  connection.set('open');
  render(
    <ApiProvider value={{ api: createApiClient(transport), connection }}>
      <SendProbe url={`${target.url}/followed`} />
    </ApiProvider>,
  );
  act(() => screen.getByRole('button', { name: 'Send' }).click());
  await waitFor(() => expect(held).toHaveLength(1));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('in_flight '));

  live = false;
  act(() => connection.set('closed'));
  held[0]!.end('ok');
  await waitFor(async () => {
    const { items } = await ui.api.call('deliveries.list', {});
    expect(items[0]?.state).toBe('succeeded');
  });
  act(() => connection.set('open'));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('succeeded 200'));
});
