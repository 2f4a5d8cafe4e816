// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

const csv = 'id,label\r\nstr:cm:city,Città\r\nstr:cm:price,Prix € (TTC)\r\n';
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, 'utf16le').swap16()]);
// Excel's "CSV" on Windows: one byte per character, € as 0x80.
const windows1252 = Buffer.from(csv.replace('€', '\u0080'), 'latin1');

describe('a dictionary file opened from disk', () => {
  it.each([
    ['UTF-16 LE with a byte-order mark', utf16le],
    ['UTF-16 BE with a byte-order mark', utf16be],
    ['Windows-1252', windows1252],
  ])('%s imports its labels as written', async (_, bytes) => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <CustomDictionaries />
      </ApiProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Open a file'), {
      target: { files: [new File([new Uint8Array(bytes)], 'labels.csv')] },
    });
    const content = screen.getByLabelText('Dictionary content') as HTMLTextAreaElement;
    await waitFor(() => expect(content.value).toContain('str:cm:city'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Imported 2 labels/);
    const [d] = (await ui.api.call('dictionary.custom.list', {})).items;
    const { entries } = await ui.api.call('dictionary.custom.get', { id: d!.id });
    expect(entries.map((e) => [e.fieldId, e.label])).toEqual([
      ['str:cm:city', 'Città'],
      ['str:cm:price', 'Prix € (TTC)'],
    ]);
  });
});
