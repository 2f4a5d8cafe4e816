// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DictionaryEntryRow } from '../../../electron/shared/contract/decode';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const engineUi = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

// The Edit button hands the dictionary browser the entry's row: it must be the row the dictionary lists for it.
describe('editing a custom entry', () => {
  it.each([
    ['str::email', 'Work e-mail', 'person-field', 'Ortto'],
    ['act::c', 'Link click', 'activity', 'Ortto'],
    ['f1584', 'Plan', 'field', 'Ontraport'],
  ])('%s passes its listed kind and vendor', async (fieldId, label, kind, vendor) => {
    const created = await engineUi.api.call('dictionary.custom.import', {
      name: `Edit ${fieldId}`,
      content: `${fieldId},${label}`,
      format: 'csv',
    });
    const edited: DictionaryEntryRow[] = [];
    render(
      <ApiProvider value={{ api: engineUi.api, connection: new ConnectionStatus() }}>
        <CustomDictionaries onEdit={(row) => edited.push(row)} />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${fieldId}` }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const { items } = await engineUi.api.call('dictionary.entries', { origin: 'custom' });
    const listed = items.find((r) => r.id === fieldId && r.dictionaryId === created.dictionary.id);
    expect(edited).toEqual([listed]);
    expect([edited[0]?.kind, edited[0]?.vendor]).toEqual([kind, vendor]);
  });
});
