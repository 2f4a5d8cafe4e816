// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useOkTarget } from '../../helpers/ok-target';

// A real engine (in-process transport, SQLite in a temp dir); the calls named in `refused` fail the way a server would,
// and an export holds one attempt (not 100,000), so two attempts are more than it.
const refused = new Set<string>();
const ui = useEngineForUi((real): Transport => ({
  invoke: async (method, input) =>
    refused.has(method)
      ? { ok: false as const, error: { code: 'conflict' as const, message: `${method}: refused` } }
      : real.invoke(method, method === 'deliveries.exportLog' ? { ...(input as object), limit: 1 } : input),
  subscribe: (listener) => real.subscribe(listener),
  capabilities: () => real.capabilities(),
}));
const target = useOkTarget();
afterEach(() => {
  cleanup();
  forgetKeptState();
  refused.clear();
});

const mount = () =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DeliveryLog />
    </ApiProvider>,
  );

describe("the delivery log's messages are announced to screen readers", () => {
  it('an error as an alert', async () => {
    refused.add('deliveries.log');
    mount();
    const line = await screen.findByText('deliveries.log: refused');
    expect(line.closest('.notice-error')?.getAttribute('role')).toBe('alert');
  });

  it('a notice as a status', async () => {
    mount();
    fireEvent.click(await screen.findByText('Clear finished…'));
    fireEvent.click(await screen.findByText('Delete finished deliveries'));
    const line = await screen.findByText(/^Cleared 0 finished deliveries/);
    await waitFor(() => expect(line.closest('.notice')?.getAttribute('role')).toBe('status'));
  });

  it('the same notice twice as two announcements', async () => {
    for (let i = 0; i < 2; i++) {
      const sent = await ui.api.call('deliveries.send', {
        request: { method: 'POST', url: `${target.base}/twice`, headers: [], bodyBase64: '' },
        type: 'manual',
      });
      await waitFor(async () =>
        expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
      );
    }
    mount();
    const noticeShown = () =>
      screen.queryByText(/^Exported only the newest 1 attempt/)?.closest('[role="status"]');
    fireEvent.click(await screen.findByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(noticeShown()).toBeTruthy());
    const first = noticeShown();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(noticeShown()).not.toBe(first));
    expect(noticeShown()?.textContent).toBe(first?.textContent);
    expect(first?.isConnected).toBe(false);
  });
});
