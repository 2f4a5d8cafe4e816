// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CustomDictionaries } from '../../../renderer/src/features/decode/CustomDictionaries';
import { SettingsPanel } from '../../../renderer/src/features/settings/SettingsPanel';
import { useRefusingEngineForUi } from '../../helpers/refusing-engine-for-ui';

// An error is an alert, so a screen reader breaks in to say it; a status waits its turn and may go unheard. A real
// engine (in-process transport, SQLite in a temp dir); the calls named in `refused` fail the way a server would.
const { refused, mount } = useRefusingEngineForUi((method) => `${method}: refused`);

describe('errors are announced as alerts', () => {
  it('the settings that could not be loaded', async () => {
    refused.add('settings.get');
    mount(<SettingsPanel onDone={() => undefined} />);
    const line = await screen.findByText('settings.get: refused');
    expect(line.closest('[role]')?.getAttribute('role')).toBe('alert');
  });

  it('a custom dictionary the engine refused to import', async () => {
    refused.add('dictionary.custom.import');
    mount(<CustomDictionaries />);
    fireEvent.change(screen.getByLabelText('Dictionary content'), { target: { value: 'id,label\n1,One' } });
    fireEvent.click(screen.getByText('Import'));
    const line = await screen.findByText('dictionary.custom.import: refused');
    expect(line.closest('[role]')?.getAttribute('role')).toBe('alert');
  });
});
