// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DictionaryBrowser } from '../../../renderer/src/features/decode/DictionaryBrowser';
import { useEngineForUi } from '../../helpers/engine-for-ui';

afterEach(cleanup);
afterEach(() => vi.restoreAllMocks());
// happy-dom lays nothing out: give the table's scroller a height so its rows are drawn.
beforeEach(() => vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(420));

const ui = useEngineForUi();

// An imported dictionary's IDs refuse only whitespace and its labels nothing: both may hold a bidi override or a NUL.
describe('a custom dictionary entry whose ID and label hold a right-to-left override and a control character', () => {
  it('is shown escaped in the ID and label cells, their tooltips and the selected entry', async () => {
    const imported = await ui.api.call('dictionary.custom.import', {
      name: 'Imported',
      format: 'json',
      content: JSON.stringify([
        { fieldId: 'str:cm:zz\u202egpj.exe', label: 'Pay\u0000ment\u202efdp', activityId: 'act:cm:x\u202ey' },
      ]),
    });
    expect(imported.imported).toBe(1);
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DictionaryBrowser />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the dictionary' }), {
      target: { value: 'str:cm:zz' },
    });
    await waitFor(() => expect(document.querySelectorAll('.dictionary-row')).toHaveLength(1));
    const row = document.querySelector('.dictionary-row')!;
    const [id, label, , activity] = [...row.children];
    expect(id!.textContent).toBe('str:cm:zzU+202Egpj.exe');
    expect(id!.getAttribute('title')).toBe('str:cm:zzU+202Egpj.exe');
    expect(label!.textContent).toBe('Pay\\u0000mentU+202Efdp');
    expect(label!.getAttribute('title')).toBe('Pay\\u0000mentU+202Efdp');
    expect(activity!.textContent).toBe('act:cm:xU+202Ey');

    fireEvent.click(row);
    const detail = document.querySelector('.dictionary-detail')!;
    expect(detail.textContent).toContain('Pay\\u0000mentU+202Efdp str:cm:zzU+202Egpj.exe in act:cm:xU+202Ey');
  });
});
