import { cleanup, render } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import type { Transport } from '../../electron/shared/contract/client';
import type { Result } from '../../electron/shared/contract/errors';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { forgetKeptState } from '../../renderer/src/state/kept-state';
import { useEngineForUi } from './engine-for-ui';

/** What an error may quote from a user or a sender: a direction override and a control character. */
export const HOSTILE = 'https://evil.test/\u202egpj.exe\u0000';

/** `text` shows HOSTILE's invisible characters as marks, never as themselves. */
export function expectMarked(text: string | null | undefined): void {
  expect(text).toContain('U+202E');
  expect(text).toContain('\\u0000');
  expect(text).not.toContain('\u202e');
  expect(text).not.toContain('\u0000');
}

/**
 * A real engine (in-process transport, SQLite in a temp dir) for component tests: the calls named in `hostile` answer
 * the way a server would, refused with a message quoting HOSTILE; the others answer for real, through `rewrite`.
 * After each test the DOM is unmounted, kept state forgotten and `hostile` emptied.
 */
export function useHostileEngineForUi(
  rewrite: (method: string, answer: Result<unknown>) => Result<unknown> = (_method, answer) => answer,
) {
  const hostile = new Set<string>();
  const ui = useEngineForUi((real): Transport => ({
    invoke: async (method, input) =>
      hostile.has(method)
        ? { ok: false, error: { code: 'conflict', message: HOSTILE } }
        : rewrite(method, await real.invoke(method, input)),
    subscribe: (listener) => real.subscribe(listener),
    capabilities: () => real.capabilities(),
  }));
  afterEach(() => {
    cleanup();
    forgetKeptState();
    hostile.clear();
  });
  const mount = (node: React.ReactNode) =>
    render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{node}</ApiProvider>);
  return { ui, hostile, mount };
}
