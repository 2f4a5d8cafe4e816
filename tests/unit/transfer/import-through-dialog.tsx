import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

/** Renders the transfer dialog over `api`, imports a file `name` holding `content`, and returns the message shown. */
export async function importThroughDialog(api: ApiClient, name: string, content: string) {
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <TransferDialog selectedIds={[]} filter={{}} filteredCount={0} onClose={() => undefined} />
    </ApiProvider>,
  );
  const file = new File([content], name, { type: 'application/json' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).not.toBe(''));
  return screen.getByTestId('transfer-message').textContent;
}
