// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

const ui = useEngineForUi();
afterEach(cleanup);

// An import's warnings quote the file (a date it could not read, as written): the file may hold a bidi override.
describe('a HAR import warning that quotes a right-to-left override', () => {
  it('shows it by its code point in the dialog message', async () => {
    const entries = [
      { startedDateTime: '2026-11-20\u202e10:00', request: { method: 'GET', url: 'https://example.test/x' } },
    ];
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog selectedIds={[]} filter={{}} filteredCount={0} onClose={() => undefined} />
      </ApiProvider>,
    );
    const file = new File([JSON.stringify({ log: { version: '1.2', entries } })], 'dates.har', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toContain('Imported 1 capture'),
    );
    const text = screen.getByTestId('transfer-message').textContent!;
    expect(text).toContain('entries[0].startedDateTime');
    expect(text).toContain('"2026-11-20U+202E10:00"');
  });
});
