// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import { createEngine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  cleanup();
  forgetKeptState();
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('a delivery whose first attempt is still waiting for a slow target shows in the log, and can be cancelled', async () => {
  // The target takes the request and answers only when the test lets it.
  const held: ServerResponse[] = [];
  const slow = createServer((req, res) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  cleanups.push(async () => {
    for (const res of held) res.end('late');
    await engine.close();
    dir.cleanup();
  });
  const api = createApiClient(createInProcessTransport(engine));
  const port = (slow.address() as AddressInfo).port;
  const sent = await api.call('deliveries.send', {
    request: { method: 'POST', url: `http://127.0.0.1:${port}/slow-hook`, headers: [], bodyBase64: '' },
    policy: 'none',
    type: 'manual',
    name: 'slow-first',
  });
  await waitFor(() => expect(held).toHaveLength(1), { timeout: 5000 });
  expect((await api.call('deliveries.get', { id: sent.id })).state).toBe('in_flight');

  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <DeliveryLog />
    </ApiProvider>,
  );
  // Before, neither list had it: the log said "No deliveries yet" while the request was on its way.
  const waiting = await screen.findByRole('table', { name: 'Waiting deliveries' }, { timeout: 5000 });
  const row = (await within(waiting).findByText('slow-first')).closest('tr')!;
  expect(row.textContent).toContain('in_flight');
  expect(row.textContent).toContain('being sent now');
  expect(screen.queryByText(/No deliveries yet/)).toBeNull();

  fireEvent.change(screen.getByLabelText('State'), { target: { value: 'in_flight' } });
  await waitFor(() =>
    expect(within(screen.getByRole('table', { name: 'Waiting deliveries' })).getByText('slow-first')),
  );

  fireEvent.click(row);
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  await waitFor(() =>
    expect(document.querySelector('.delivery-detail .pill')?.textContent).toBe('cancelled'),
  );
});
