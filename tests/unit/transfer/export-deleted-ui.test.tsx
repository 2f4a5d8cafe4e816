// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { send } from '../../helpers/raw-http';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

describe('exporting selected captures', () => {
  it('still exports when one was deleted after it was selected, and says it was left out', async () => {
    for (const n of [1, 2]) await send(`${ui.engine.receiverUrl}/sel/${n}`, { method: 'POST', body: `${n}` });
    ui.engine.ctx.captures.fileWaiting();
    const ids = (await ui.api.call('captures.list', { limit: 10 })).items.map((c) => c.id);
    await ui.api.call('captures.delete', { ids: [ids[0]!] });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog selectedIds={ids} filter={{}} filteredCount={1} onClose={() => undefined} />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).not.toBe(''));
    const text = screen.getByTestId('transfer-message').textContent;
    expect(text).toMatch(
      /^Exported 1 capture to hookscope-.*\.har \(1 capture deleted meanwhile left out\)$/,
    );
  });
});
