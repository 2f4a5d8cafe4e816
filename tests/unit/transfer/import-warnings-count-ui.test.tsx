// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const importFile = async (content: string) => {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <TransferDialog selectedIds={[]} filter={{}} filteredCount={0} onClose={() => undefined} />
    </ApiProvider>,
  );
  const file = new File([content], 'warned.har', { type: 'application/json' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).not.toBe(''));
  return screen.getByTestId('transfer-message').textContent;
};

describe('HAR import with warnings', () => {
  it('counts the captures that have warnings, not the warnings', async () => {
    // One entry with two warnings (a date that is not ISO 8601, a form body given only as params), one with none.
    const entries = [
      {
        startedDateTime: '23/11/2026 10:00',
        request: {
          method: 'POST',
          url: 'https://example.test/warned',
          postData: { mimeType: 'multipart/form-data', params: [{ name: 'f', fileName: 'a.bin' }] },
        },
      },
      {
        startedDateTime: '2026-11-23T10:00:01Z',
        request: { method: 'GET', url: 'https://example.test/clean' },
      },
    ];
    const text = await importFile(JSON.stringify({ log: { version: '1.2', entries } }));
    expect(text).toMatch(/^Imported 2 captures, 1 with warnings — entries\[0\]\..*; entries\[0\]\./);
    expect(text).toContain('entries[0].startedDateTime');
    expect(text).toContain('entries[0].request.postData');
  });
});
