// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// An error may quote what a user or a sender wrote (a URL, a search): its direction overrides and control characters
// must show as marks, never reorder or hide the text around them.
const HOSTILE = 'https://evil.test/\u202egpj.exe\u0000';
const refusedWith = (message: string) => ({
  ok: false as const,
  error: { code: 'conflict' as const, message },
});

// A real engine (in-process transport, SQLite in a temp dir) and a real destination; the calls named in `hostile`
// answer the way a server would with a message quoting hostile text.
const hostile = new Set<string>();
const target = useHttpTarget((req, res) => req.resume().on('end', () => res.end('ok')));
const ui = useEngineForUi((real): Transport => ({
  invoke: async (method, input) => {
    if (hostile.has(method)) return refusedWith(HOSTILE);
    const answer = await real.invoke(method, input);
    if (method !== 'deliveries.get' || !hostile.has('attempt.error') || !answer.ok) return answer;
    const detail = answer.value as { attemptList: Array<{ error: string | null }> };
    return {
      ...answer,
      value: { ...detail, attemptList: detail.attemptList.map((a) => ({ ...a, error: HOSTILE })) },
    };
  },
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

async function delivered(): Promise<number> {
  const sent = await ui.api.call('deliveries.send', {
    request: { method: 'POST', url: `${target.url}/hook`, headers: [], bodyBase64: '' },
    policy: 'none',
    type: 'manual',
  });
  for (let i = 0; i < 200; i++) {
    if ((await ui.api.call('deliveries.get', { id: sent.id })).state === 'succeeded') return sent.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`delivery ${sent.id} did not succeed`);
}

const expectMarked = (text: string | null | undefined) => {
  expect(text).toContain('U+202E');
  expect(text).toContain('\\u0000');
  expect(text).not.toContain('\u202e');
  expect(text).not.toContain('\u0000');
};

describe('delivery messages quoting hostile text show its invisible characters as marks', () => {
  it('in the refusal alert of the detail', async () => {
    const id = await delivered();
    mount(<DeliveryDetailPanel id={id} />);
    await screen.findByText('Retry now');
    hostile.add('deliveries.retryNow');
    fireEvent.click(screen.getByText('Retry now'));
    expectMarked((await screen.findByRole('alert')).textContent);
  });

  it('in the detail that could not be loaded', async () => {
    hostile.add('deliveries.get');
    const { container } = mount(<DeliveryDetailPanel id={1} />);
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });

  it("in an attempt's error in the detail's timeline", async () => {
    const id = await delivered();
    hostile.add('attempt.error');
    const { container } = mount(<DeliveryDetailPanel id={id} />);
    await waitFor(() => expect(container.querySelector('td.cell-wrap')).not.toBeNull());
    expectMarked(container.querySelector('td.cell-wrap')!.textContent);
  });

  it("in the delivery log's error line", async () => {
    hostile.add('deliveries.log');
    const { container } = mount(<DeliveryLog />);
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });
});
