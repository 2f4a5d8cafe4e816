// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../../electron/shared/contract/delivery';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import {
  emptyRecordState,
  RecordPanel,
  type RecordState,
} from '../../../renderer/src/features/compose/RecordPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// The capture's read is held until the test releases it: a slow answer, on cue.
let release = () => {};
let held = Promise.resolve();
const ui = useEngineForUi((transport) => ({
  ...transport,
  invoke: async (method, input) => {
    if (method === 'captures.get') await held;
    return transport.invoke(method, input);
  },
}));
afterEach(cleanup);

function Panel({ environments }: { environments: Environment[] }) {
  const [state, setState] = useState<RecordState>({
    ...emptyRecordState,
    source: 'capture',
    environmentId: null,
  });
  return <RecordPanel state={state} onChange={setState} environments={environments} />;
}

describe('loading a captured payload as the record', () => {
  it('keeps the environment chosen while the capture was being read', async () => {
    const res = await request(`${ui.engine.receiverUrl}/h/slow-record`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'First Name': 'Ada' }),
    });
    await res.body.dump();
    const id = String(res.headers['x-hookscope-capture-id']);
    const staging = await ui.api.call('environments.save', { name: 'staging', variables: { token: 'S' } });

    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Panel environments={[staging]} />
      </ApiProvider>,
    );
    held = new Promise<void>((resolve) => (release = resolve));
    fireEvent.change(screen.getByTestId('record-capture-id'), { target: { value: id } });
    fireEvent.click(screen.getByTestId('record-capture-load'));

    const environment = screen.getByTestId('record-environment') as HTMLSelectElement;
    fireEvent.change(environment, { target: { value: String(staging.id) } });
    expect(environment.value).toBe(String(staging.id));

    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('Ada'));
    expect(environment.value).toBe(String(staging.id));
  });
});
