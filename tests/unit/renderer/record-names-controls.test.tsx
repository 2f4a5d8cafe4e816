// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { emptyRecordState, RecordPanel } from '../../../renderer/src/features/compose/RecordPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

const ui = useEngineForUi();
afterEach(cleanup);

// A data file's name and its columns come from the user's disk, an environment's name is free text: any of them can
// hold a right-to-left override (a file named `invoice<U+202E>fdp.exe`) or a NUL.
describe('the record panel, with names holding a right-to-left override and a NUL', () => {
  it('shows them as marks in the file line, the record fields and the environment picker', async () => {
    const env = await ui.api.call('environments.save', { name: `Env ${HOSTILE}`, variables: {} });
    const file = {
      name: `rows ${HOSTILE}.csv`,
      rows: [{ [`field ${HOSTILE}`]: `value ${HOSTILE}` }],
      errors: [],
    };
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <RecordPanel
          state={{ ...emptyRecordState, source: 'file', file, environmentId: env.id }}
          onChange={() => undefined}
          environments={[env]}
        />
      </ApiProvider>,
    );
    expectMarked(
      screen.getByText((_, el) => el?.tagName === 'P' && el.textContent!.endsWith(': 1 row read'))
        .textContent,
    );
    const [name, value] = screen.getByTestId('record-fields').querySelectorAll('td');
    expectMarked(name!.textContent);
    expectMarked(value!.textContent);
    expectMarked(screen.getByTestId<HTMLSelectElement>('record-environment').selectedOptions[0]!.textContent);
  });
});
