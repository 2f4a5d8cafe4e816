// Constants the sandboxed preload shares with main. Import-free on purpose: the preload bundle stays tiny.

/** The IPC channels between preload and main: one request channel, one push channel. */
export const ipcChannels = { rpc: 'hookscope:rpc', event: 'hookscope:event' } as const;

/** The only origin allowed to talk to the engine over IPC. */
export const appOrigin = 'app://hookscope';

/** What the preload sends on the rpc channel (validated in main by `ipcRequest`). */
export type IpcRequest = { op: 'call'; method: string; input: unknown } | { op: 'capabilities' };

/** What main pushes on the event channel. */
export interface IpcEventMessage {
  event: string;
  payload: unknown;
}
