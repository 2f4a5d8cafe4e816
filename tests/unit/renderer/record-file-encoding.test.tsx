// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import {
  emptyRecordState,
  RecordPanel,
  type RecordState,
} from '../../../renderer/src/features/compose/RecordPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

function Panel() {
  const [state, setState] = useState<RecordState>({ ...emptyRecordState, source: 'file' });
  return <RecordPanel state={state} onChange={setState} environments={[]} />;
}

async function choose(bytes: Buffer) {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Panel />
    </ApiProvider>,
  );
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
