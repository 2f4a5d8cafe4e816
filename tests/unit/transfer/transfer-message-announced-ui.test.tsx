// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { send } from '../../helpers/raw-http';
import type { CaptureFilter } from '../../../electron/shared/contract/captures';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const renderDialog = (filter: CaptureFilter, selectedIds: number[] = []) =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <TransferDialog selectedIds={selectedIds} filter={filter} filteredCount={0} onClose={() => undefined} />
    </ApiProvider>,
  );

describe('the export and import message is announced to screen readers', () => {
  it('as a status when the export worked', async () => {
    await send(`${ui.engine.receiverUrl}/announced`, { method: 'POST', body: 'x' });
    ui.engine.ctx.captures.fileWaiting();
    const ids = (await ui.api.call('captures.list', { limit: 10 })).items.map((c) => c.id);
    renderDialog({}, ids);
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toMatch(/^Exported 1 capture/),
    );
    expect(screen.getByTestId('transfer-message').getAttribute('role')).toBe('status');
  });

  it('as an alert when it failed, in a new live region each time (the same refusal twice is announced twice)', async () => {
    // From after To: refused before anything is asked of the engine, with the same words every time.
    renderDialog({ fromMs: Date.UTC(2026, 10, 25, 12), toMs: Date.UTC(2026, 10, 25, 11) });
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.queryByTestId('transfer-message')).not.toBeNull());
    const first = screen.getByTestId('transfer-message');
    expect(first.getAttribute('role')).toBe('alert');

    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.getByTestId('transfer-message')).not.toBe(first));
    const second = screen.getByTestId('transfer-message');
    expect(second.getAttribute('role')).toBe('alert');
    expect(second.textContent).toBe(first.textContent);
  });
});
