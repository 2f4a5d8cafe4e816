// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { openImportedDictionary } from '../../helpers/custom-dictionaries';
import { useEngineForUi } from '../../helpers/engine-for-ui';

afterEach(() => {
  cleanup();
  forgetKeptState();
});

const ui = useEngineForUi();

// An imported dictionary's IDs refuse only whitespace and its labels nothing.
describe('saving an entry under the ID of an imported entry whose ID and label hold a right-to-left override and a NUL', () => {
  it('quotes the ID and the other label escaped in the refusal', async () => {
    await openImportedDictionary(ui.api, [{ fieldId: 'str:cm:zz\u202egpj', label: 'Pay\u0000ment' }]);
    fireEvent.change(screen.getByLabelText('ID'), { target: { value: 'str:cm:zz\u202egpj' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    const refusal = await waitFor(() => document.querySelector<HTMLElement>('.notice-error')!);
    expect(refusal.textContent).toBe(
      'ID: str:cm:zzU+202Egpj already has the label "Pay\\u0000ment" in this dictionary. ' +
        'Edit that entry instead, or remove it first.',
    );
  });
});
