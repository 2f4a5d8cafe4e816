import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { Transport } from '../../electron/shared/contract/client';
import type { Result } from '../../electron/shared/contract/errors';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { forgetKeptState } from '../../renderer/src/state/kept-state';
import { useEngineForUi } from './engine-for-ui';

/**
 * A real engine (in-process transport, SQLite in a temp dir) for component tests: the calls named in `refused` are
 * refused the way a server would (`conflict`, with the message `refusal(method)`); the others answer for real, through
 * `rewrite`. `mount` renders a node inside the API provider. After each test the DOM is unmounted, kept state forgotten
 * and `refused` emptied.
 */
export function useRefusingEngineForUi(
  refusal: (method: string) => string,
  rewrite: (method: string, answer: Result<unknown>) => Result<unknown> = (_method, answer) => answer,
) {
  const refused = new Set<string>();
  const ui = useEngineForUi((real): Transport => ({
    invoke: async (method, input) =>
      refused.has(method)
        ? { ok: false, error: { code: 'conflict', message: refusal(method) } }
        : rewrite(method, await real.invoke(method, input)),
    subscribe: (listener) => real.subscribe(listener),
    capabilities: () => real.capabilities(),
  }));
  afterEach(() => {
    cleanup();
    forgetKeptState();
    refused.clear();
  });
  const mount = (node: React.ReactNode) =>
    render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{node}</ApiProvider>);
  return { ui, refused, mount };
}
