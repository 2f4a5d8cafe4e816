// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { renderFileRecordPanel } from '../../helpers/record-panel';
import { slowFile } from '../../helpers/slow-file';

const ui = useEngineForUi();
afterEach(cleanup);

const choose = (file: File) =>
  act(async () => {
    fireEvent.change(screen.getByTestId('record-file'), { target: { files: [file] } });
  });

it("the composer's data file chosen while an earlier one is still being read is the one kept", async () => {
  renderFileRecordPanel(ui.api);
  const first = slowFile('email\nann@example.com\n', 'large.csv');
  await choose(first.file);
  await choose(new File(['email\nbea@example.com\n'], 'second.csv', { type: 'text/csv' }));
  await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('bea@example.com'));
  await act(async () => {
    first.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.getByTestId('record-fields').textContent).toContain('bea@example.com');
  expect(screen.getByTestId('record-fields').textContent).not.toContain('ann@example.com');
});
