import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient, type Transport } from '../../electron/shared/contract/client';
import type { Engine } from '../../electron/engine/engine';
import { createInProcessTransport } from '../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';

/**
 * `node` rendered over the real `engine` with the live-event connection open. `disconnect()` closes it and drops every
 * event from then on; `reconnect()` reopens it, but events stay dropped, so only the view's catch-up on reconnect can
 * show what changed meanwhile.
 */
export function renderWithMissedEvents(engine: Engine, node: ReactNode) {
  const real = createInProcessTransport(engine);
  let live = true;
  const transport: Transport = {
    invoke: (method, input) => real.invoke(method, input),
    subscribe: (listener) => real.subscribe((event, payload) => live && listener(event, payload)),
    capabilities: () => real.capabilities(),
  };
  const connection = new ConnectionStatus();
  connection.set('open');
  render(<ApiProvider value={{ api: createApiClient(transport), connection }}>{node}</ApiProvider>);
  return {
    disconnect: () => {
      live = false;
      act(() => connection.set('closed'));
    },
    reconnect: () => act(() => connection.set('open')),
  };
}
