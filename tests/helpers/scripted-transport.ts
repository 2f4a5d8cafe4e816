import type { Transport } from '../../electron/shared/contract/client';

/** A transport whose answers the test releases by hand, and whose events it pushes. */
export function scriptedTransport() {
  const waiting: Array<{
    method: string;
    resolve: (value: Awaited<ReturnType<Transport['invoke']>>) => void;
  }> = [];
  let emit: (event: string, payload: unknown) => void = () => undefined;
  const transport: Transport = {
    invoke: (method) => new Promise((resolve) => waiting.push({ method, resolve })),
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
    capabilities: () => [],
  };
  const answer = (method: string, value: unknown) => {
    const at = waiting.findIndex((w) => w.method === method);
    if (at === -1)
      throw new Error(`no pending ${method}; pending: ${waiting.map((w) => w.method).join(', ')}`);
    waiting.splice(at, 1)[0]!.resolve({ ok: true, value });
  };
  return { transport, answer, emit: (event: string, payload: unknown) => emit(event, payload) };
}
