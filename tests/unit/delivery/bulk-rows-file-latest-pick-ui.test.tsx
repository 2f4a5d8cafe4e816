// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { slowFile } from '../../helpers/slow-file';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

const choose = (file: File) =>
  fireEvent.change(screen.getByLabelText('Rows file'), { target: { files: [file] } });

function renderBulkSend() {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <BulkSend />
    </ApiProvider>,
  );
}

it('a file chosen while an earlier one is still being read is the one kept when the earlier read ends last', async () => {
  renderBulkSend();
  const first = slowFile('name\nAnn\n', 'large.csv');
  choose(first.file);
  choose(new File(['name\nBea\n'], 'second.csv', { type: 'text/csv' }));
  expect((await screen.findByTestId('bulk-rows-name')).textContent).toBe('second.csv');
  await act(async () => {
    first.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.getByTestId('bulk-rows-name').textContent).toBe('second.csv');
});

it('an earlier file refused after a later one was read neither drops the later one nor shows its refusal', async () => {
  renderBulkSend();
  const first = slowFile(Uint8Array.from([0x6e, 0x0a, 0xe9, 0x0a]), 'latin1.csv');
  choose(first.file);
  choose(new File(['name\nBea\n'], 'second.csv', { type: 'text/csv' }));
  await screen.findByTestId('bulk-rows-name');
  await act(async () => {
    first.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByTestId('bulk-rows-name').textContent).toBe('second.csv');
});
