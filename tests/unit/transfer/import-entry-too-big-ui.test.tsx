// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir), with a small per-call entry limit.
const ui = useEngineForUi();
afterEach(cleanup);

describe('HAR import of an entry too big for one import call', () => {
  it('counts it as skipped beside the error naming it', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog
          selectedIds={[]}
          filter={{}}
          filteredCount={0}
          onClose={() => undefined}
          importLimits={{ maxEntries: 200, maxBytes: 1024 * 1024, maxEntryBytes: 2000 }}
        />
      </ApiProvider>,
    );
    const entry = (i: number, text: string) => ({
      startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
      request: {
        method: 'POST',
        url: `https://example.test/too-big/${i}`,
        postData: { mimeType: 'text/plain', text },
      },
    });
    const har = {
      log: { version: '1.2', entries: [entry(0, 'small'), entry(1, 'x'.repeat(5000)), entry(2, 'small')] },
    };
    const file = new File([JSON.stringify(har)], 'big.har', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).not.toBe(''));
    const text = screen.getByTestId('transfer-message').textContent;
    expect(text).toContain('Imported 2 captures, skipped 1');
    expect(text).toContain('entries[1]: ');
  });
});
