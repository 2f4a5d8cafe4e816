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

describe('exporting the current filter when its time range runs backwards (From after To)', () => {
  it('says the range is backwards instead of passing on the API refusal', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog
          selectedIds={[]}
          filter={{ fromMs: Date.UTC(2026, 10, 25, 12), toMs: Date.UTC(2026, 10, 25, 11) }}
          filteredCount={0}
          onClose={() => undefined}
        />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.queryByTestId('transfer-message')).not.toBeNull());
    expect(screen.getByTestId('transfer-message').textContent).toBe(
      'Current filter: From is after To, so no capture can match. Set From before To in the time filter.',
    );
  });
});
