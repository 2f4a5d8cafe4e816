// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { recordingTransport } from '../../helpers/recording-transport';

// An imported webhook's options come from a file: they must not switch off the loop guard or rename the delivery.
let calls: Array<{ method: string; input: unknown }> = [];
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  forgetKeptState();
  calls = [];
});

it('an imported webhook with allowLoop and name in its options still asks before sending to this app', async () => {
  const imported = await ui.api.call('webhooks.import', {
    content: JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [
        {
          name: 'Imported loop',
          method: 'POST',
          url: `${ui.engine.receiverUrl}/h/imported-loop`,
          options: { allowLoop: true, name: 'Someone else', timeoutMs: 5000 },
        },
      ],
    }),
  });
  expect(imported.imported).toBe(1);
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <SavedWebhooks />
    </ApiProvider>,
  );
  await screen.findByText('Imported loop');
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  const loop = await screen.findByTestId('saved-loop');
  expect(loop.textContent).toContain("this app's own receiver");
  fireEvent.click(screen.getByTestId('saved-loop-override'));
  await screen.findByText(/Queued delivery \d+/);
  const sent = calls
    .filter((c) => c.method === 'deliveries.send')
    .map((c) => c.input as { allowLoop?: boolean; name?: string; timeoutMs?: number });
  expect(sent.map((s) => s.allowLoop)).toEqual([undefined, true]);
  expect(sent.map((s) => s.name)).toEqual(['Imported loop', 'Imported loop']);
  expect(sent.map((s) => s.timeoutMs)).toEqual([5000, 5000]);
});
