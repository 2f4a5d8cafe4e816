import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../electron/shared/contract/ipc';

const root = join(import.meta.dirname, '..', '..');

/** Bundles the preload the way scripts/build.mjs does and returns the code. */
function bundlePreload(): string {
  const result = buildSync({
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    entryPoints: [join(root, 'electron/preload/preload.ts')],
    external: ['electron'],
    write: false,
  });
  return result.outputFiles[0]!.text;
}

describe('preload bundle', () => {
  const code = bundlePreload();

  it('is one small CommonJS file that requires nothing but electron (sandboxed preloads cannot)', () => {
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code.length).toBeLessThan(8 * 1024);
  });

  it('exposes exactly window.bridge = { invoke, subscribe, capabilities } over the rpc/event channels', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (event: unknown, message: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: ['desktop.saveFile'] };
        },
        on: (channel: string, listener: (event: unknown, message: unknown) => void) =>
          void listeners.set(channel, listener),
        removeListener: (channel: string) => void listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`preload required ${name}`);
        return electron;
      },
    });
    expect(Object.keys(exposed)).toEqual(['bridge']);
    const bridge = exposed.bridge as {
      invoke(m: string, i: unknown): Promise<unknown>;
      subscribe(l: (e: string, p: unknown) => void): () => void;
      capabilities(): Promise<string[]>;
    };
    expect(Object.keys(bridge).sort()).toEqual(['capabilities', 'invoke', 'subscribe']);

    await bridge.invoke('captures.list', { limit: 5 });
    expect(invoked[0]).toEqual([
      ipcChannels.rpc,
      { op: 'call', method: 'captures.list', input: { limit: 5 } },
    ]);
    expect(await bridge.capabilities()).toEqual(['desktop.saveFile']);

    const seen: unknown[] = [];
    const off = bridge.subscribe((event, payload) => seen.push([event, payload]));
    listeners.get(ipcChannels.event)!({ senderId: 0 }, { event: 'capture.created', payload: { items: [] } });
    expect(seen).toEqual([['capture.created', { items: [] }]]);
    off();
    expect(listeners.has(ipcChannels.event)).toBe(false);
  });
});
