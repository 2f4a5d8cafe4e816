// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../../electron/engine/util/logger';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { tempDir } from '../../helpers/temp-dir';
import { recordingTransport } from '../../helpers/recording-transport';

// The composer against a real engine (in-process transport, real SQLite in a temp dir) and a real destination.
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
let api: ApiClient;
let calls: Array<{ method: string; input: unknown }> = [];
let target: Server;
let targetUrl: string;
const arrived: string[] = [];

beforeAll(async () => {
  target = createServer((req, res) => {
    arrived.push(req.url ?? '');
    req.resume().on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  api = createApiClient(recordingTransport(createInProcessTransport(engine), (call) => calls.push(call)));
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await engine.close();
  dir.cleanup();
});
afterEach(() => {
  cleanup();
  calls = [];
});

const mount = () =>
  render(
    <ApiProvider value={{ api, connection: new ConnectionStatus() }}>
      <Composer />
    </ApiProvider>,
  );
const url = () => screen.getByTestId('compose-url');
const bodyTab = () => screen.getByRole('tab', { name: /Body/ });

describe('composer request line', () => {
  it('the Body tab counts only the body’s unresolved fields, as the body editor does', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${targetUrl}/{{nowhere}}/[Nobody]` } });
    expect(bodyTab().textContent).not.toMatch(/unresolved/);
    expect(screen.getByTestId('placeholder-count').textContent).not.toMatch(/unresolved/);
  });

  it('Enter in the URL field sends, as in the replay dialog', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${targetUrl}/on-enter` } });
    fireEvent.keyDown(url(), { key: 'Enter' });
    await screen.findByTestId('compose-sent');
    await waitFor(() => expect(arrived).toContain('/on-enter'));
  });

  it('Enter in the URL field never answers the warning confirmation: only "Send anyway" sends past warnings', async () => {
    mount();
    // A merge field with no value is a warning: the first Enter asks before sending.
    fireEvent.change(url(), { target: { value: `${targetUrl}/past-warning?name=[Not A Field]` } });
    fireEvent.keyDown(url(), { key: 'Enter' });
    await screen.findByTestId('compose-confirm');
    fireEvent.keyDown(url(), { key: 'Enter' });
    expect(screen.getByTestId('compose-confirm')).toBeTruthy();
    expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
    fireEvent.click(screen.getByTestId('compose-confirm-send'));
    await screen.findByTestId('compose-sent');
    expect(calls.filter((c) => c.method === 'deliveries.send')).toHaveLength(1);
  });

  it('a name over 200 characters is refused up front, naming the field, and nothing is sent', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${targetUrl}/long-name` } });
    const name = screen.getByTestId('compose-name') as HTMLInputElement;
    expect(name.maxLength).toBe(200);
    fireEvent.change(name, { target: { value: 'n'.repeat(201) } });
    const errors = await screen.findByTestId('compose-errors');
    expect(errors.textContent).toContain('Name: at most 200 characters (this one has 201)');
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(url(), { key: 'Enter' });
    expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
  });
});
