import { ipcChannels, type IpcEventMessage, type IpcRequest } from '../shared/contract/ipc';
import type { Transport } from '../shared/contract/client';
import type { Result } from '../shared/contract/errors';

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, request: IpcRequest): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: IpcEventMessage) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: IpcEventMessage) => void): unknown;
}

/**
 * `window.bridge`: the Transport the renderer's API client uses in Electron. Only plain functions and values
 * cross contextBridge, and the raw ipcRenderer (or its event objects) never reaches the page.
 */
export function createBridge(ipc: IpcRendererLike): Transport {
  return {
    invoke: (method, input) =>
      ipc.invoke(ipcChannels.rpc, { op: 'call', method, input }) as Promise<Result<unknown>>,
    subscribe(listener) {
      const handler = (_event: unknown, message: IpcEventMessage) => listener(message.event, message.payload);
      ipc.on(ipcChannels.event, handler);
      return () => void ipc.removeListener(ipcChannels.event, handler);
    },
    async capabilities() {
      const result = (await ipc.invoke(ipcChannels.rpc, { op: 'capabilities' })) as Result<string[]>;
      return result.ok ? result.value : [];
    },
  };
}
