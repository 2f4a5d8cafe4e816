// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import {
  emptyRecordState,
  RecordPanel,
  type RecordState,
} from '../../../renderer/src/features/compose/RecordPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { slowFile } from '../../helpers/slow-file';

const ui = useEngineForUi();
afterEach(cleanup);

function Panel() {
  const [state, setState] = useState<RecordState>({ ...emptyRecordState, source: 'file' });
  return <RecordPanel state={state} onChange={setState} environments={[]} />;
}

const choose = (file: File) =>
  act(async () => {
    fireEvent.change(screen.getByTestId('record-file'), { target: { files: [file] } });
  });

it("the composer's data file chosen while an earlier one is still being read is the one kept", async () => {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Panel />
    </ApiProvider>,
  );
  const first = slowFile('email\nann@example.com\n', 'large.csv');
  await choose(first.file);
  await choose(new File(['email\nbea@example.com\n'], 'second.csv', { type: 'text/csv' }));
  await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('bea@example.com'));
  await act(async () => {
    first.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.getByTestId('record-fields').textContent).toContain('bea@example.com');
  expect(screen.getByTestId('record-fields').textContent).not.toContain('ann@example.com');
});
