// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useRecordingTarget } from '../../helpers/recording-target';

// A rows file column with no header name was only reported in the job's error list, after its rows had gone out.
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
}

const chooseRows = (text: string, name = 'contacts.csv') =>
  fireEvent.change(screen.getByLabelText('Rows file'), {
    target: { files: [new File([text], name, { type: 'text/csv' })] },
  });

it('a column with no header name is noted in the form, naming the file and column, before Start', async () => {
  renderBulkSend();
  chooseRows('name,,email\nAnn,VIP,ann@example.com\n');
  await screen.findByTestId('bulk-rows-name');
  expect(
    (await screen.findByText(/has no name/, { selector: '[data-testid="bulk-rows-notes"] *' })).textContent,
  ).toBe('Rows: contacts.csv: header: column 2 has no name (its values are read as "")');
  expect((await ui.api.call('bulk.list', {})).items).toEqual([]);
  expect(arrived).toEqual([]);
});

it("Excel's empty trailing columns bring no note beside an unnamed column that holds values", async () => {
  renderBulkSend();
  chooseRows('name,,email,,\nAnn,VIP,ann@example.com,,\n', 'excel.csv');
  const notes = await screen.findByTestId('bulk-rows-notes');
  expect(notes.textContent).toBe('Rows: excel.csv: header: column 2 has no name (its values are read as "")');
});

it('the note goes when another file is chosen', async () => {
  renderBulkSend();
  chooseRows('name,\nAnn,x\n', 'first.csv');
  await screen.findByText(/first\.csv: header: column 2 has no name/);
  chooseRows('name\nAnn\n', 'second.csv');
  await screen.findByText('second.csv');
  await expect.poll(() => screen.queryByText(/has no name/)).toBeNull();
});
