// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

describe('the custom dictionary import hint', () => {
  it('names every column of a CSV export, which imports back', async () => {
    const d = await ui.api.call('dictionary.custom.create', { name: 'Exported' });
    await ui.api.call('dictionary.custom.upsertEntry', {
      dictionaryId: d.id,
      entry: { fieldId: 'str:cm:job-title', label: 'Job title', displayType: 'text' },
    });
    const csv = await ui.api.call('dictionary.custom.export', { id: d.id, format: 'csv' });
    const columns = csv.content.split(/\r?\n/)[0]!.split(',');
    expect(columns).toContain('ortto_display_type');

    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <CustomDictionaries />
      </ApiProvider>,
    );
    const hint = (await screen.findByRole('region', { name: 'Custom dictionaries' })).querySelector(
      'p.muted',
    );
    const named = hint?.textContent?.match(/[a-z_]+/g) ?? [];
    for (const column of columns) expect(named, column).toContain(column);
  });
});
