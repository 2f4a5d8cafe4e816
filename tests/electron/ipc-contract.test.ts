import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createEngine } from '../../electron/engine/engine';
import { createIpcTransport } from '../../electron/engine/transport/ipc-transport';
import { silentLogger } from '../../electron/engine/util/logger';
import { createBridge } from '../../electron/preload/bridge';
import { createApiClient } from '../../electron/shared/contract/client';
import { desktopOnlyMethodNames, ipcChannels } from '../../electron/shared/contract/desktop';
import { runContractSuite } from '../contract/contract-suite';
import { tempDir } from '../helpers/temp-dir';
import { createIpcPair } from './ipc-pair';

async function ipcHarness(frameUrl?: string) {
  const dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  const pair = createIpcPair(frameUrl);
  const transport = createIpcTransport({
    ipcMain: pair.ipcMain,
    dispatcher: createDispatcher(engine.handlers, { checkOutputs: true }),
    bus: engine.bus,
    capabilities: [...desktopOnlyMethodNames],
    log: silentLogger,
  });
  transport.addTarget(pair.webContents);
  const bridge = createBridge(pair.ipcRenderer);
  return {
    pair,
    bridge,
    client: createApiClient(bridge),
    async close() {
      transport.close();
      await engine.close();
      dir.cleanup();
    },
  };
}

runContractSuite('Electron IPC (preload bridge → ipcMain)', ipcHarness);

describe('IPC bridge specifics', () => {
  it('advertises the desktop-only methods through capabilities()', async () => {
    const h = await ipcHarness();
    try {
      expect(await h.client.capabilities()).toEqual([...desktopOnlyMethodNames]);
      expect([...desktopOnlyMethodNames]).toContain('desktop.saveFile');
    } finally {
      await h.close();
    }
  });

  it('refuses every call from a frame that is not app://hookscope', async () => {
    const h = await ipcHarness('https://example.com/');
    try {
      expect(await h.bridge.invoke('app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await h.bridge.capabilities()).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('unsubscribing removes the renderer listener', async () => {
    const h = await ipcHarness();
    try {
      const off = h.bridge.subscribe(() => {});
      expect(h.pair.listenerCount(ipcChannels.event)).toBe(1);
      off();
      expect(h.pair.listenerCount(ipcChannels.event)).toBe(0);
    } finally {
      await h.close();
    }
  });
});
