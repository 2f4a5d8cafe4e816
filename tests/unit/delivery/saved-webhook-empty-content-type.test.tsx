// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';
import { recordingTransport } from '../../helpers/recording-transport';

// A saved webhook with an empty Content-Type is sent as from the composer: after a warning, without it.
let calls: Array<{ method: string; input: unknown }> = [];
const arrived: Array<string | undefined> = [];
const target = useHttpTarget((req, res) => {
  arrived.push(req.headers['content-type']);
  req.resume().on('end', () => res.end('ok'));
});
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  forgetKeptState();
  calls = [];
});

it('warns that an empty Content-Type is left out, and on "send anyway" sends the detected type', async () => {
  await ui.api.call('webhooks.save', {
    name: 'Empty type',
    method: 'POST',
    url: `${target.url}/empty-type`,
    headers: [['Content-Type', '']],
    body: '{"a":1}',
  });
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <SavedWebhooks />
    </ApiProvider>,
  );
  await screen.findByText('Empty type');
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  const warning = await screen.findByText(
    /Content-Type has no value, so it is left out and the detected type is sent/,
  );
  expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
  fireEvent.click(within(warning).getByRole('button', { name: 'Send anyway' }));
  await screen.findByText(/Queued delivery \d+/);
  await waitFor(() => expect(arrived).toEqual(['application/json']));
});
