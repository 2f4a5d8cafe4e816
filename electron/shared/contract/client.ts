import { ApiError, type Result } from './errors';
import type { EventName, EventPayload, Input, MethodName, Output } from './index';

/** What a transport gives the client: Electron's preload bridge and the browser HTTP/WS client both fit. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  capabilities(): Promise<string[]> | string[];
  /** Browser mode: `captures.export` as a file streamed by the server, not one string in an RPC answer. */
  exportFile?(input: unknown, signal?: AbortSignal): Promise<Result<ExportFile>>;
}

/** `total`: the captures the file is to hold, as the server counted them before writing the first. */
export interface ExportFile {
  body: ReadableStream<Uint8Array>;
  fileName: string;
  mimeType: string;
  total: number;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  capabilities(): Promise<string[]>;
  exportFile?(input: Input<'captures.export'>, signal?: AbortSignal): Promise<ExportFile>;
}

/** A typed client over any transport. Failures become `ApiError` with the engine's code. */
export function createApiClient(transport: Transport): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    unsubscribe ??= transport.subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
    on(event, listener) {
      ensureSubscribed();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: unknown) => void);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
    async capabilities() {
      return transport.capabilities();
    },
    ...(transport.exportFile
      ? {
          async exportFile(input: Input<'captures.export'>, signal?: AbortSignal) {
            const result = await transport.exportFile!(input, signal);
            if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
            return result.value;
          },
        }
      : {}),
  };
}
