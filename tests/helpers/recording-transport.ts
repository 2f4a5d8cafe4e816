import type { Transport } from '../../electron/shared/contract/client';

/** Wraps a transport so a test can see which API calls a component made, in order. */
export function recordingTransport(
  real: Transport,
  record: (call: { method: string; input: unknown }) => void,
): Transport {
  return {
    invoke: (method, input) => {
      record({ method, input });
      return real.invoke(method, input);
    },
    subscribe: (listener) => real.subscribe(listener),
    capabilities: () => real.capabilities(),
  };
}
