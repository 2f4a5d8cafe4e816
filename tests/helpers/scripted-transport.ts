import type { Transport } from '../../electron/shared/contract/client';

/** A transport whose answers the test releases by hand, and whose events it pushes. */
export function scriptedTransport() {
  const waiting: Array<{
    method: string;
    input: unknown;
    resolve: (value: Awaited<ReturnType<Transport['invoke']>>) => void;
  }> = [];
  let emit: (event: string, payload: unknown) => void = () => undefined;
  const transport: Transport = {
    invoke: (method, input) => new Promise((resolve) => waiting.push({ method, input, resolve })),
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
  /** The inputs of the calls to `method` still waiting for an answer, oldest first. */
  const asked = (method: string) => waiting.filter((w) => w.method === method).map((w) => w.input);
  return { transport, answer, asked, emit: (event: string, payload: unknown) => emit(event, payload) };
}
