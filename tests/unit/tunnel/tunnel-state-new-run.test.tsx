// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { FakeClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useTunnelState } from '../../../renderer/src/features/tunnel';
import { tempDir } from '../../helpers/temp-dir';

// The tunnel state's revision starts at the engine's clock. With the clock set back between two engine runs, the new
// run's states all had lower revisions than the last one an open renderer held, so it ignored them until a reload.
// Each state names its engine run, and the renderer takes any state from a new run.
const dirs: Array<ReturnType<typeof tempDir>> = [];
const engines: Engine[] = [];
afterEach(async () => {
  cleanup();
  for (const engine of engines.splice(0)) await engine.close();
  for (const dir of dirs.splice(0)) dir.cleanup();
});

async function engineAt(nowMs: number): Promise<Engine> {
  const dir = tempDir();
  dirs.push(dir);
  const engine = await createEngine({
    dataDir: dir.path,
    mode: 'test',
    log: silentLogger,
    clock: new FakeClock(nowMs),
  });
  engines.push(engine);
  return engine;
}

/** A transport to one engine at a time, as the page's is to whichever engine answers at its URL. */
function switchableTransport(first: Engine) {
  let current = createInProcessTransport(first);
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const forward = (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload));
  let unsubscribe = current.subscribe(forward);
  const transport: Transport = {
    invoke: (method, input) => current.invoke(method, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    capabilities: () => current.capabilities(),
  };
  return {
    transport,
    switchTo(engine: Engine) {
      unsubscribe();
      current = createInProcessTransport(engine);
      unsubscribe = current.subscribe(forward);
    },
  };
}

function Revision() {
  const { state } = useTunnelState();
  return <output data-testid="revision">{state ? String(state.revision) : 'none'}</output>;
}

describe('the tunnel state an open renderer keeps', () => {
  it('takes the states of a new engine run whose clock was set back', async () => {
    const hourMs = 3_600_000;
    const first = await engineAt(1_800_000_000_000);
    const link = switchableTransport(first);
    const connection = new ConnectionStatus();
    connection.set('open');
    render(
      <ApiProvider value={{ api: createApiClient(link.transport), connection }}>
        <Revision />
      </ApiProvider>,
    );
    const firstRevision = String(first.tunnel.state().revision);
    await screen.findByText(firstRevision);

    // The engine restarts after the clock went back an hour; the page's event link reconnects to it and refetches.
    const second = await engineAt(1_800_000_000_000 - hourMs);
    link.switchTo(second);
    act(() => connection.set('closed'));
    act(() => connection.set('open'));
    const secondRevision = String(second.tunnel.state().revision);
    expect(Number(secondRevision)).toBeLessThan(Number(firstRevision));
    expect(first.tunnel.state().run).not.toBe(second.tunnel.state().run);
    await screen.findByText(secondRevision);
  });
});
