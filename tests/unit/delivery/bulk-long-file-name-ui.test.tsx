// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import { createEngine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { tempDir } from '../../helpers/temp-dir';
import { bulkProgressLine } from '../../helpers/bulk-progress-text';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  cleanup();
  forgetKeptState();
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('a rows file with a long name (up to the 255 a file system allows) starts a bulk send', async () => {
  const arrived: string[] = [];
  const target = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrived.push(req.url ?? '');
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => target.close(() => resolve())));
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  cleanups.push(async () => {
    await engine.close();
    dir.cleanup();
  });
  const api = createApiClient(createInProcessTransport(engine));
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <BulkSend />
    </ApiProvider>,
  );
  const port = (target.address() as AddressInfo).port;
  fireEvent.change(screen.getByLabelText('URL'), { target: { value: `http://127.0.0.1:${port}/long/[id]` } });
  fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'id=[id]' } });
  const name = `${'contacts-export-'.repeat(15)}final.csv`;
  expect(name.length).toBeGreaterThan(200);
  expect(name.length).toBeLessThanOrEqual(255);
  fireEvent.change(screen.getByLabelText('Rows file'), {
    target: { files: [new File(['id\n1\n'], name, { type: 'text/csv' })] },
  });
  const start = screen.getByRole('button', { name: 'Start bulk send' });
  await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(start);
  // Before, the send was refused with "name: …", a field the user never typed.
  await screen.findByText(bulkProgressLine(/· done ·/), {}, { timeout: 10_000 });
  expect(screen.queryByRole('alert')).toBeNull();
  expect(arrived).toEqual(['/long/1']);
  const [delivery] = (await api.call('deliveries.list', {})).items;
  expect(delivery!.name.startsWith('Bulk: contacts-export-')).toBe(true);
  expect(delivery!.name.length).toBeLessThanOrEqual(200);
});
