// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useOkTarget } from '../../helpers/ok-target';

// A stopped bulk send cannot be resumed, so Stop asks first, as the app's other destructive actions do; Escape or the
// safe choice keeps the job going.
const target = useOkTarget();
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

it('Stop asks before stopping a bulk send for good, and Escape keeps it going', async () => {
  const job = await ui.api.call('bulk.start', {
    template: { method: 'POST', url: `${target.base}/stop/[id]`, headers: [], body: '' },
    rows: { content: 'id\n1\n2\n3\n', format: 'csv' },
    ratePerMinute: 1,
    name: 'stop asks first',
  });
  const state = async () => (await ui.api.call('bulk.get', { id: job.jobId })).state;
  const connection = new ConnectionStatus();
  connection.set('open');
  render(
    <ApiProvider value={{ api: ui.api, connection }}>
      <BulkSend />
    </ApiProvider>,
  );
  const progress = await screen.findByRole('region', { name: 'Bulk progress' });

  fireEvent.click(await within(progress).findByRole('button', { name: 'Stop…' }));
  expect(within(progress).getByRole('alert').textContent).toMatch(/cannot be resumed/);
  // The keyboard lands on the safe choice, and Escape answers it.
  const keep = within(progress).getByRole('button', { name: "Don't stop" });
  await waitFor(() => expect(document.activeElement).toBe(keep));
  fireEvent.keyDown(keep, { key: 'Escape' });
  await within(progress).findByRole('button', { name: 'Stop…' });
  expect(await state()).toBe('running');

  fireEvent.click(within(progress).getByRole('button', { name: 'Stop…' }));
  fireEvent.click(within(progress).getByRole('button', { name: 'Stop for good' }));
  await waitFor(async () => expect(await state()).toBe('stopped'));
  await within(progress).findByRole('button', { name: 'Delete…' });
});
