// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { bulkProgressLine } from '../../helpers/bulk-progress-text';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useRecordingTarget } from '../../helpers/recording-target';

const target = useRecordingTarget();
const arrived = target.targets;
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

it('a rows file with a long name (up to the 255 a file system allows) starts a bulk send', async () => {
  const api = ui.api;
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <BulkSend />
    </ApiProvider>,
  );
  fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/long/[id]` } });
  fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'id=[id]' } });
  const name = `${'contacts-export-'.repeat(15)}final.csv`;
  expect(name.length).toBeGreaterThan(200);
  expect(name.length).toBeLessThanOrEqual(255);
  fireEvent.change(screen.getByLabelText('Rows file'), {
    target: { files: [new File(['id\n1\n'], name, { type: 'text/csv' })] },
  });
  const start = screen.getByRole('button', { name: 'Start bulk send' });
  await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(start);
  // Before, the send was refused with "name: …", a field the user never typed.
  await screen.findByText(bulkProgressLine(/· done ·/), {}, { timeout: 10_000 });
  expect(screen.queryByRole('alert')).toBeNull();
  expect(arrived).toEqual(['/long/1']);
  const [delivery] = (await api.call('deliveries.list', {})).items;
  expect(delivery!.name.startsWith('Bulk: contacts-export-')).toBe(true);
  expect(delivery!.name.length).toBeLessThanOrEqual(200);
});
