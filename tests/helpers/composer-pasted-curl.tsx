import { fireEvent, render, screen } from '@testing-library/react';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { Composer } from '../../renderer/src/features/compose';

/** The composer against `api`, with `command` pasted and applied through its Paste cURL flow. */
export function renderComposerWithPastedCurl(api: ApiClient, command: string): void {
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <Composer />
    </ApiProvider>,
  );
  fireEvent.click(screen.getByTestId('compose-paste-curl'));
  fireEvent.change(screen.getByTestId('paste-curl-input'), { target: { value: command } });
  fireEvent.click(screen.getByTestId('paste-curl-apply'));
}
