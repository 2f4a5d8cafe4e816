// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { openImportedDictionary } from '../../helpers/custom-dictionaries';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

describe("the dictionary entry editor's error", () => {
  it('is an alert, mounted afresh each time so the same words twice are announced twice', async () => {
    await openImportedDictionary(ui.api, [{ fieldId: 'str:cm:job-title', label: 'Job title' }]);
    const editor = await waitFor(() => document.querySelector<HTMLElement>('.entry-editor')!);
    fireEvent.change(within(editor).getByLabelText('ID'), { target: { value: 'str:cm:job-title' } });
    fireEvent.change(within(editor).getByLabelText('Label'), { target: { value: 'Role' } });
    const save = within(editor).getByRole('button', { name: 'Save label' });

    fireEvent.click(save);
    const first = await within(editor).findByRole('alert');
    expect(first.textContent).toMatch(/^ID: str:cm:job-title already has the label "Job title"/);
    fireEvent.click(save);
    await waitFor(() => expect(within(editor).getByRole('alert')).not.toBe(first));
    const second = within(editor).getByRole('alert');
    expect(second.textContent).toBe(first.textContent);
    expect(first.isConnected).toBe(false);
  });
});
