import type { RequestListener } from 'node:http';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { DeliveryDetailPanel } from '../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { useEngineForUi } from './engine-for-ui';
import { useHttpTarget } from './http-target';

/** Sends one manual POST with no body to `url` and waits until it succeeded; its id. */
export async function succeededDelivery(api: ApiClient, url: string): Promise<number> {
  const sent = await api.call('deliveries.send', {
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    policy: 'none',
    type: 'manual',
  });
  for (let i = 0; i < 200; i++) {
    if ((await api.call('deliveries.get', { id: sent.id })).state === 'succeeded') return sent.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`delivery ${sent.id} did not succeed`);
}

/**
 * A component test of the delivery detail: a real engine (in-process transport, SQLite in a temp dir) and a real
 * destination answering with `answer`. `deliver(path)` sends one POST there and waits until it succeeded;
 * `showDetail(id)` renders that delivery's detail panel.
 */
export function useDeliveryDetail(answer: RequestListener) {
  const target = useHttpTarget(answer);
  const ui = useEngineForUi();
  afterEach(cleanup);

  const deliver = (path: string) => succeededDelivery(ui.api, `${target.url}${path}`);

  function showDetail(id: number): void {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DeliveryDetailPanel id={id} />
      </ApiProvider>,
    );
  }

  return { ui, deliver, showDetail };
}
