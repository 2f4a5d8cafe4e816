// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { renderFileRecordPanel } from '../../helpers/record-panel';

const ui = useEngineForUi();
afterEach(cleanup);

// A browser fires no change event when the file chosen is the one the input already holds, so a CSV fixed on disk
// and chosen again would not be read unless the input is cleared once its file is taken.
describe('the data file input', () => {
  it('is cleared once a file is loaded, so choosing the same file again loads it again', async () => {
    renderFileRecordPanel(ui.api);
    const input = screen.getByTestId('record-file') as HTMLInputElement;
    const chosen = new DataTransfer();
    chosen.items.add(new File(['email\nada@example.com\n'], 'contacts.csv', { type: 'text/csv' }));
    input.files = chosen.files;
    expect(input.value).not.toBe('');
    await act(async () => {
      fireEvent.change(input);
    });
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('ada@example.com'));
    expect(input.value).toBe('');

    const fixed = new DataTransfer();
    fixed.items.add(new File(['email\ngrace@example.com\n'], 'contacts.csv', { type: 'text/csv' }));
    input.files = fixed.files;
    await act(async () => {
      fireEvent.change(input);
    });
    await waitFor(() =>
      expect(screen.getByTestId('record-fields').textContent).toContain('grace@example.com'),
    );
  });
});
