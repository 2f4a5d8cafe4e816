import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { CustomDictionaries } from '../../renderer/src/features/decode/CustomDictionaries';

/** Imports `entries` as the JSON dictionary "Imported", then shows the custom dictionaries panel open on its entries. */
export async function openImportedDictionary(api: ApiClient, entries: unknown[]): Promise<void> {
  await api.call('dictionary.custom.import', {
    name: 'Imported',
    format: 'json',
    content: JSON.stringify(entries),
  });
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <CustomDictionaries />
    </ApiProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Imported' }));
  await waitFor(() => expect(document.querySelector('tbody tr td.mono')).not.toBeNull());
}
