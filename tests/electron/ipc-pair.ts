// An in-memory ipcMain ⇄ ipcRenderer pair that behaves like Electron's: structured clone both ways, the
// invoke event carries the sender frame's URL, and webContents.send reaches the renderer's listeners.
import type { IpcEventMessage, IpcRequest } from '../../electron/shared/contract/desktop';
import type {
  EventTargetLike,
  IpcInvokeEventLike,
  IpcMainLike,
} from '../../electron/engine/transport/ipc-transport';
import type { IpcRendererLike } from '../../electron/preload/bridge';

type RendererListener = (event: unknown, message: IpcEventMessage) => void;

export function createIpcPair(frameUrl = 'app://hookscope/index.html') {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, Set<RendererListener>>();
  let destroyed = false;

  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const webContents: EventTargetLike = {
    send(channel, message) {
      const copy = structuredClone(message);
      // Electron delivers asynchronously, after the current task.
      setImmediate(() => {
        for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, copy);
      });
    },
    isDestroyed: () => destroyed,
    getURL: () => frameUrl,
  };
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel: string, request: IpcRequest) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      return structuredClone(await handler({ senderFrame: { url: frameUrl } }, structuredClone(request)));
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  return {
    ipcMain,
    webContents,
    ipcRenderer,
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
    destroy: () => void (destroyed = true),
  };
}
