// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../electron/shared/contract/client';
import { openImportedDictionary } from '../../helpers/custom-dictionaries';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const busy = 'The database is busy; try again in a moment.';
const ui = useEngineForUi((real): Transport => ({
  invoke: async (method, input) =>
    method === 'dictionary.custom.deleteEntry'
      ? { ok: false, error: { code: 'internal', message: busy } }
      : real.invoke(method, input),
  subscribe: (listener) => real.subscribe(listener),
  capabilities: () => real.capabilities(),
}));
afterEach(cleanup);

describe('a custom label whose Remove fails', () => {
  it('shows the message as the rest of the UI does, without an "Error:" prefix', async () => {
    await openImportedDictionary(ui.api, [{ fieldId: 'str:cm:job-title', label: 'Job title' }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));

    await waitFor(() =>
      expect(document.querySelector('.entry-editor .notice-error')?.textContent).toBe(busy),
    );
  });
});
