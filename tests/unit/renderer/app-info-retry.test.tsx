// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useAppInfo } from '../../../renderer/src/app/use-app-info';

afterEach(cleanup);

function Probe() {
  const info = useAppInfo();
  return <span data-testid="url">{info?.receiverUrl ?? 'none'}</span>;
}

describe('app info', () => {
  it('is asked again when the live connection opens after a failed ask, and not again once known', async () => {
    let asks = 0;
    let failing = true;
    const api = {
      async call(method: string) {
        if (method !== 'app.info') throw new Error(`unexpected ${method}`);
        asks++;
        if (failing) throw new Error('engine busy');
        return { receiverUrl: 'http://127.0.0.1:8787', version: '0.1.0' };
      },
      on: () => () => undefined,
      async capabilities() {
        return [];
      },
    } as unknown as ApiClient;
    const connection = new ConnectionStatus();
    render(
      <ApiProvider value={{ api, connection }}>
        <Probe />
      </ApiProvider>,
    );
    await act(async () => undefined);
    expect(screen.getByTestId('url').textContent).toBe('none');
    expect(asks).toBe(1);

    failing = false;
    await act(async () => connection.set('open'));
    expect(screen.getByTestId('url').textContent).toBe('http://127.0.0.1:8787');
    expect(asks).toBe(2);

    await act(async () => connection.set('closed'));
    await act(async () => connection.set('open'));
    expect(asks).toBe(2);
  });
});
