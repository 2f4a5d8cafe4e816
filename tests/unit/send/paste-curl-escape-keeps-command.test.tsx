// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// Escape closes the Paste cURL dialog from anywhere, the textarea included; what was typed waits for the next open,
// as the endpoint form's and the settings' edits do.
const ui = useEngineForUi();
afterEach(cleanup);

const input = () => screen.getByTestId('paste-curl-input') as HTMLTextAreaElement;
const open = () => fireEvent.click(screen.getByTestId('compose-paste-curl'));
const command = "curl -X POST https://x.test/hook -d 'a=1'";

describe('Paste cURL: closing keeps the command typed', () => {
  it('Escape in the textarea closes the dialog; reopening shows the command, until it fills the composer', () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Composer />
      </ApiProvider>,
    );
    open();
    fireEvent.change(input(), { target: { value: command } });
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByTestId('paste-curl')).toBeNull();

    open();
    expect(input().value).toBe(command);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    open();
    expect(input().value).toBe(command);

    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    expect(screen.queryByTestId('paste-curl')).toBeNull();
    expect((screen.getByTestId('compose-url') as HTMLInputElement).value).toBe('https://x.test/hook');
    open();
    expect(input().value).toBe('');
  });
});
