// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../electron/shared/contract/client';
import type { TunnelState } from '../../../electron/shared/contract/tunnel';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useEndpoints } from '../../../renderer/src/app/use-endpoints';
import { useTunnelState } from '../../../renderer/src/features/tunnel/use-tunnel-state';

// Events sent while the live-event connection is down are lost: after it reconnects, state is fetched again.

afterEach(cleanup);

function Probe() {
  const { state } = useTunnelState();
  const endpoints = useEndpoints(0);
  return (
    <div>
      <span data-testid="phase">{state?.phase ?? 'none'}</span>
      <span data-testid="slugs">{endpoints.map((e) => e.slug).join(',')}</span>
    </div>
  );
}

describe('refetch after the live-event connection reconnects', () => {
  it('replaces the tunnel state and the endpoint list with what the engine has now', async () => {
    const server = { phase: 'online', slugs: ['a'] };
    const api = {
      async call(method: string) {
        if (method === 'tunnel.status') return { phase: server.phase } as TunnelState;
        if (method === 'endpoints.list') return { items: server.slugs.map((slug) => ({ id: slug, slug })) };
        throw new Error(`unexpected ${method}`);
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
    await act(async () => connection.set('open'));
    expect(screen.getByTestId('phase').textContent).toBe('online');
    expect(screen.getByTestId('slugs').textContent).toBe('a');
    await act(async () => connection.set('closed'));
    // Stopped and an endpoint added during the gap; their events never arrived.
    server.phase = 'idle';
    server.slugs = ['a', 'b'];
    await act(async () => connection.set('open'));
    expect(screen.getByTestId('phase').textContent).toBe('idle');
    expect(screen.getByTestId('slugs').textContent).toBe('a,b');
  });
});
