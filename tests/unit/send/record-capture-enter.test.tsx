// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

describe('the captured payload a record comes from', () => {
  it('loads when Enter is pressed in the capture number', async () => {
    // undici, not the page's fetch: happy-dom would apply CORS to a request the test makes as a sender.
    const res = await request(`${ui.engine.receiverUrl}/h/enter-loads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'First Name': 'Ada' }),
    });
    await res.body.dump();
    const id = String(res.headers['x-hookscope-capture-id']);
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Composer />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-capture'));
    const input = screen.getByTestId('record-capture-id');
    fireEvent.change(input, { target: { value: id } });
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('Ada'));
  });
});
