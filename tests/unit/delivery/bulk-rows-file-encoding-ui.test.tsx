// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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
  arrived.length = 0;
});

function renderBulkSend() {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <BulkSend />
    </ApiProvider>,
  );
  fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/hook/[name]` } });
  fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'name=[name]' } });
}

const chooseRows = (bytes: Uint8Array<ArrayBuffer>, name = 'contacts.csv') =>
  fireEvent.change(screen.getByLabelText('Rows file'), {
    target: { files: [new File([bytes], name, { type: 'text/csv' })] },
  });

it('a Latin-1 rows file is refused naming the file and line, and nothing is sent', async () => {
  renderBulkSend();
  chooseRows(Uint8Array.from([...new TextEncoder().encode('name\nAnn\nJos'), 0xe9, 0x0a]));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    'Rows: contacts.csv: not UTF-8 text: line 3 has the byte 0xE9 (save the file as UTF-8, "CSV UTF-8" in Excel)',
  );
  expect((screen.getByRole('button', { name: 'Start bulk send' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.queryByTestId('bulk-rows-name')).toBeNull();
  expect((await ui.api.call('bulk.list', {})).items).toEqual([]);
  expect(arrived).toEqual([]);
});

it('a UTF-16 rows file with its byte-order mark sends its text as written', async () => {
  renderBulkSend();
  const text = 'name\r\nJosé\r\n';
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++)
    bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  chooseRows(bytes);
  await screen.findByTestId('bulk-rows-name');
  fireEvent.click(screen.getByRole('button', { name: 'Start bulk send' }));
  await screen.findByText(bulkProgressLine(/· done ·/), {}, { timeout: 10_000 });
  expect(screen.queryByRole('alert')).toBeNull();
  expect(arrived).toEqual(['/hook/Jos%C3%A9']);
});
