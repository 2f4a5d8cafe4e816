// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';

afterEach(() => {
  cleanup();
  forgetKeptState();
});

const ui = useEngineForUi();

async function importFromPanel(name: string, content: string): Promise<HTMLElement> {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <CustomDictionaries />
    </ApiProvider>,
  );
  fireEvent.change(screen.getByLabelText('Dictionary name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('Dictionary content'), { target: { value: content } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  return waitFor(() => {
    const notice = document.querySelector<HTMLElement>('.custom-dictionaries [role="status"]');
    expect(notice).not.toBeNull();
    return notice!;
  });
}

describe('the notice after importing a dictionary whose name and IDs hold a right-to-left override and a NUL', () => {
  it('shows them escaped', async () => {
    const notice = await importFromPanel(
      'Inv\u202eoice\u0000s',
      JSON.stringify({ 'str:cm:a': 'A', 'str:cm:zz\u202egpj\u0000': 5 }),
    );
    expect(notice.textContent).toBe(
      'Imported 1 labels into “InvU+202Eoice\\u0000s”, skipped 1. ' +
        'First problems: "str:cm:zzU+202Egpj\\u0000": expected a label string or an object with label',
    );
  });

  it('lists the new dictionary under its escaped name', async () => {
    await importFromPanel('Bills\u202efdp\u0007', JSON.stringify({ 'str:cm:a': 'A' }));
    await waitFor(() => {
      const names = [...document.querySelectorAll('.custom-list .btn-link')].map((b) => b.textContent);
      expect(names).toContain('BillsU+202Efdp\\u0007');
    });
  });
});
