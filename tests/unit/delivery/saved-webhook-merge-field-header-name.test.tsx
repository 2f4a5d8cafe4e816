// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { recordingTransport } from '../../helpers/recording-transport';

// A saved webhook may hold a [Merge Field] in a header name (a bulk send fills it); the Saved list has no row to fill
// it from, and a name with brackets in it cannot be sent as typed.
let calls: Array<{ method: string; input: unknown }> = [];
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  forgetKeptState();
  calls = [];
});

it('says why a header name with a [Merge Field] cannot be sent from the Saved list, and sends nothing', async () => {
  await ui.api.call('webhooks.save', {
    name: 'Tenant hook',
    method: 'POST',
    url: 'http://127.0.0.1:9/tenant',
    headers: [['[Tenant]-Id', '1']],
    body: 'x=1',
  });
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <SavedWebhooks />
    </ApiProvider>,
  );
  await screen.findByText('Tenant hook');
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await screen.findByText(
    /header "\[Tenant\]-Id" fills to "\[Tenant\]-Id", which is not a valid header name/,
  );
  expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
  expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
});
