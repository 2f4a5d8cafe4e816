// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// A live region is announced when its content changes: the same words set again into the same element change nothing,
// so each message must mount a fresh region. Against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

const mount = (node: React.ReactNode) =>
  render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{node}</ApiProvider>);

/** Does `act` twice and gives the message element each time shows. */
async function twice(
  act: () => void,
  message: () => HTMLElement | null,
): Promise<[HTMLElement, HTMLElement]> {
  act();
  await waitFor(() => expect(message()).not.toBeNull());
  const first = message()!;
  act();
  await waitFor(() => expect(message()).not.toBe(first));
  return [first, message()!];
}

describe('the same message twice is announced twice', () => {
  it('importing the same dictionary twice', async () => {
    mount(<CustomDictionaries />);
    const statusOf = () =>
      screen.queryByText(/^Imported 1 labels/)?.closest<HTMLElement>('[role="status"]') ?? null;
    const [first, second] = await twice(() => {
      fireEvent.change(screen.getByLabelText('Dictionary content'), {
        target: { value: 'id,label\n1,Same' },
      });
      fireEvent.click(screen.getByText('Import'));
    }, statusOf);
    expect(second.textContent).toBe(first.textContent);
    expect(second.isConnected && !first.isConnected).toBe(true);
  });

  it('importing the same saved-webhooks file twice', async () => {
    mount(<SavedWebhooks />);
    const file = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [{ name: 'Same', method: 'POST', url: 'http://127.0.0.1:9/same' }],
    });
    const input = screen.getByTestId('webhooks-import-file');
    const statusOf = () =>
      screen.queryByText(/^Imported 1\./)?.closest<HTMLElement>('[role="status"]') ?? null;
    const [first, second] = await twice(() => {
      fireEvent.change(input, { target: { files: [new File([file], 'webhooks.json')] } });
    }, statusOf);
    expect(second.textContent).toBe(first.textContent);
    expect(second.isConnected && !first.isConnected).toBe(true);
  });
});
