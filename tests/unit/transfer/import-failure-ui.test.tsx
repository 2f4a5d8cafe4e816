// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import type { Transport } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir), with a transport that refuses the
// second import call the way the browser-mode server refuses an oversized request.
let importCalls = 0;
const ui = useEngineForUi((real): Transport => ({
  invoke: async (method, input) =>
    method === 'captures.importHar' && ++importCalls === 2
      ? { ok: false, error: { code: 'payload_too_large', message: 'API request over 209715200 bytes.' } }
      : real.invoke(method, input),
  subscribe: (listener) => real.subscribe(listener),
  capabilities: () => real.capabilities(),
}));
afterEach(cleanup);

describe('HAR import that fails partway', () => {
  it('says how many entries were already imported', async () => {
    const entries = Array.from({ length: 450 }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
      request: { method: 'GET', url: `https://example.test/partial/${i}` },
    }));
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog selectedIds={[]} filter={{}} filteredCount={0} onClose={() => undefined} />
      </ApiProvider>,
    );
    const file = new File([JSON.stringify({ log: { version: '1.2', entries } })], 'partial.har', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toBe(
        'Imported 200 of 450 entries, then failed: API request over 209715200 bytes.',
      ),
    );
    expect((await ui.api.call('captures.count', {})).count).toBe(200);
  });
});
