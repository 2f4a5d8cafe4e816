// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DictionaryBrowser } from '../../../renderer/src/features/decode';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
  vi.restoreAllMocks();
});
// happy-dom lays nothing out: give the table's scroller a height so its rows are drawn.
beforeEach(() => vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(420));

// An instance schema's display types are taken as given: Ortto's word, or whatever the file says.
const schema = {
  namespaces: {
    '': {
      fields: {
        'str:cm:plan': { id: 'str:cm:plan', name: 'Plan', display_type: 'text\u202egnirts' },
      },
    },
  },
};

describe('a display type with a direction override, in the Dictionary view', () => {
  it('is shown as its code point in the table and the entry list, never drawn', async () => {
    await ui.api.call('dictionary.custom.import', {
      name: 'Schema',
      format: 'ortto-schema',
      content: JSON.stringify(schema),
    });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DictionaryBrowser />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the dictionary' }), {
      target: { value: 'str:cm:plan' },
    });
    await waitFor(() => expect(document.querySelectorAll('.dictionary-row')).toHaveLength(1));
    const tableRow = document.querySelector('.dictionary-row')!;
    fireEvent.click(await screen.findByRole('button', { name: 'Schema' }));
    const entryRow = await waitFor(() => {
      const r = document.querySelector('.entry-editor tbody tr');
      expect(r).not.toBeNull();
      return r!;
    });
    for (const shown of [tableRow, entryRow]) {
      expect(shown.textContent).toContain('textU+202Egnirts');
      expect(shown.textContent).not.toContain('\u202e');
    }
  });
});
