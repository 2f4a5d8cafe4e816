// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

// A file's name comes from the user's disk, where `invoice<U+202E>vsc.exe` is a classic disguise.
it("a rows file's name shows its right-to-left override and NUL as marks", async () => {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <BulkSend />
    </ApiProvider>,
  );
  fireEvent.change(screen.getByLabelText('Rows file'), {
    target: { files: [new File(['id\n1\n'], `rows ${HOSTILE}.csv`, { type: 'text/csv' })] },
  });
  expectMarked((await screen.findByTestId('bulk-rows-name')).textContent);
});
