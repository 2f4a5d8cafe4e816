// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { renderFileRecordPanel } from '../../helpers/record-panel';

const ui = useEngineForUi();
afterEach(cleanup);

async function choose(bytes: Buffer) {
  renderFileRecordPanel(ui.api);
  const input = screen.getByTestId('record-file') as HTMLInputElement;
  const chosen = new DataTransfer();
  chosen.items.add(new File([new Uint8Array(bytes)], 'contacts.csv', { type: 'text/csv' }));
  input.files = chosen.files;
  await act(async () => {
    fireEvent.change(input);
  });
}

// Read as UTF-8 anyway, a Latin-1 "José" became "Jos\uFFFD" in the record every merge field resolved from.
describe('the data file row', () => {
  it('refuses a file that is not UTF-8, saying which line', async () => {
    await choose(Buffer.from('First Name,Email\nJos\xe9,j@example.com\n', 'latin1'));
    await waitFor(() =>
      expect(screen.getByTestId('record-file-errors').textContent).toContain(
        'file: not UTF-8 text: line 2 has the byte 0xE9',
      ),
    );
    expect(screen.getByTestId('record-panel').textContent).not.toContain('\uFFFD');
  });

  it('reads a UTF-16 file with its byte-order mark', async () => {
    await choose(Buffer.from('\uFEFFFirst Name,Email\nJosé,j@example.com\n', 'utf16le'));
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('José'));
  });
});
