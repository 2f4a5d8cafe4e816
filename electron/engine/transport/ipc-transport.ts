import { appOrigin, ipcChannels, ipcRequest, type IpcEventMessage } from '../../shared/contract/desktop';
import type { Result } from '../../shared/contract/errors';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../util/logger';

/** The part of Electron's `IpcMainInvokeEvent` the transport reads. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's `ipcMain` the transport uses (tests pass a fake). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The part of Electron's `webContents` events are pushed to. */
export interface EventTargetLike {
  send(channel: string, message: IpcEventMessage): void;
  isDestroyed(): boolean;
  getURL(): string;
}

export interface IpcTransportOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  bus: Pick<EventBus, 'onAny'>;
  /** What `capabilities()` advertises: the desktop-only methods this shell serves. */
  capabilities: readonly string[];
  /** Origins (`scheme://host[:port]`) allowed to call; defaults to the app:// origin only. */
  allowedOrigins?: readonly string[];
  log?: Logger;
}

export interface IpcTransport {
  /** Push every engine event to this window until the returned function is called. */
  addTarget(target: EventTargetLike): () => void;
  close(): void;
}

/** `app://hookscope/x` → `app://hookscope`. Node reports `null` as the origin of non-special schemes. */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** The Electron adapter over the shared dispatcher: one `rpc` channel in, one `event` channel out. */
export function createIpcTransport(options: IpcTransportOptions): IpcTransport {
  const allowed = new Set(options.allowedOrigins ?? [appOrigin]);
  const isAllowed = (url: string | null | undefined) => {
    const origin = originOf(url);
    return origin !== null && allowed.has(origin);
  };
  const targets = new Set<EventTargetLike>();

  options.ipcMain.handle(ipcChannels.rpc, async (event, request): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? null;
    if (!isAllowed(frameUrl)) {
      options.log?.warn('ipc call from a foreign frame refused', {
        origin: originOf(frameUrl) ?? String(frameUrl),
      });
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: `IPC refused: the calling frame (${originOf(frameUrl) ?? 'unknown origin'}) is not ${appOrigin}.`,
        },
      };
    }
    const parsed = ipcRequest.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'IPC request must be { op: "call", method, input } or { op: "capabilities" }.',
        },
      };
    }
    if (parsed.data.op === 'capabilities') return { ok: true, value: [...options.capabilities] };
    return options.dispatcher.dispatch(parsed.data.method, parsed.data.input, { transport: 'ipc' });
  });

  const stopBus = options.bus.onAny((event, payload) => {
    for (const target of targets) {
      if (target.isDestroyed()) {
        targets.delete(target);
        continue;
      }
      // A window that somehow left the app origin gets nothing.
      if (isAllowed(target.getURL())) target.send(ipcChannels.event, { event, payload });
    }
  });

  return {
    addTarget(target) {
      targets.add(target);
      return () => targets.delete(target);
    },
    close() {
      stopBus();
      targets.clear();
      options.ipcMain.removeHandler(ipcChannels.rpc);
    },
  };
}
