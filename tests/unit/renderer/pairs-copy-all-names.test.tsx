// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PairsTable } from '../../../renderer/src/features/detail/PairsTable';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// Every name/value table's "Copy all" was named just that: a screen reader listing the buttons could not tell the
// query parameters' from the headers' or a form's.

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

/** Clicks `button` with a clipboard that records what is written, and waits for its status to say "Copied". */
async function copyWith(button: HTMLElement): Promise<string> {
  let copied = '';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
  });
  fireEvent.click(button);
  const status = within(button.parentElement!).getByRole('status');
  await waitFor(() => expect(status.textContent).toBe('Copied'));
  return copied;
}

describe('Copy all says which table it copies', () => {
  it("on the Query tab: the capture's query parameters", async () => {
    const id = await receivedCaptureId(ui, '/copy-all-names?a=1&b=2');
    renderDetailPane(ui.api, id, 'query');
    const button = await screen.findByRole('button', { name: 'Copy all query parameters' });
    expect(await copyWith(button)).toBe('a=1\nb=2');
  });

  it("on the Headers tab: the capture's headers", async () => {
    const id = await receivedCaptureId(ui, '/copy-all-headers');
    renderDetailPane(ui.api, id, 'headers');
    const button = await screen.findByRole('button', { name: 'Copy all headers' });
    expect(await copyWith(button)).toMatch(/^Host: 127\.0\.0\.1:\d+$/m);
  });

  it('in any table, by what its pairs are', () => {
    render(
      <PairsTable
        pairs={[['email', 'a@example.com']]}
        empty="No fields."
        label="form fields"
        one="form field"
      />,
    );
    expect(screen.getByRole('button', { name: 'Copy all form fields' }).textContent).toBe('Copy all');
  });
});
