import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { ReplayDialog } from '../../renderer/src/features/detail/ReplayDialog';

/** The Replay dialog for `captureIds`, as the list opens it. */
export function renderReplayDialog(api: ApiClient, captureIds: number[]): void {
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <ReplayDialog captureIds={captureIds} onClose={() => undefined} />
    </ApiProvider>,
  );
}

/** The text of the Replay dialog's note `testId` for `captureIds`, once every capture is read, spaces folded. */
export async function replayDialogNote(
  api: ApiClient,
  captureIds: number[],
  testId: string,
): Promise<string> {
  renderReplayDialog(api, captureIds);
  await waitFor(() => expect(screen.getByTestId('replay-send').textContent).toBe('Replay'));
  return (await screen.findByTestId(testId)).textContent!.replace(/\s+/g, ' ');
}
