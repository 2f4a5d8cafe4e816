import type { Transport } from '../../shared/contract/client';
import { createDispatcher } from '../api/dispatcher';
import type { Engine } from '../engine';

/** The engine's API as a `Transport` without any wire: for tests and the CLI. */
export function createInProcessTransport(
  engine: Pick<Engine, 'handlers' | 'bus'>,
  capabilities: string[] = [],
): Transport {
  const dispatcher = createDispatcher(engine.handlers, { checkOutputs: true });
  return {
    invoke: (method, input) =>
      // Round-trip through JSON like every real transport, so non-JSON values are caught here too.
      dispatcher.dispatch(method, JSON.parse(JSON.stringify(input ?? {})), { transport: 'in-process' }),
    subscribe: (listener) =>
      engine.bus.onAny((event, payload) => listener(event, JSON.parse(JSON.stringify(payload)))),
    capabilities: () => capabilities,
  };
}
