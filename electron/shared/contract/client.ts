import { ApiError, type Result } from './errors';
import type { EventName, EventPayload, Input, MethodName, Output } from './index';

/** What a transport gives the client: Electron's preload bridge and the browser HTTP/WS client both fit. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  capabilities(): Promise<string[]> | string[];
  /** Browser mode: `captures.export` as a file streamed by the server, not one string in an RPC answer. */
  exportFile?(input: unknown, signal?: AbortSignal): Promise<Result<ExportFile>>;
  /**
   * Browser mode: `captures.body` as the bytes themselves, not base64 in a JSON answer the page must parse. Electron's
   * IPC answers are structured clones (no JSON to parse), so the bridge keeps to invoke/subscribe/capabilities.
   */
  captureBody?(input: Input<'captures.body'>): Promise<Result<Uint8Array>>;
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
  /** One capture's request body as bytes: over the transport's binary path when it has one, else `captures.body`. */
  captureBody(input: Input<'captures.body'>): Promise<Uint8Array>;
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
    async captureBody(input) {
      if (transport.captureBody) {
        const result = await transport.captureBody(input);
        if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
        return result.value;
      }
      const result = await transport.invoke('captures.body', input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
      return bytesOfBase64((result.value as Output<'captures.body'>).bodyBase64);
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

/** Native where the runtime has it (Chromium 140+, Node 25+): one pass, no binary string. */
const fromBase64 = (Uint8Array as { fromBase64?: (base64: string) => Uint8Array }).fromBase64;

function bytesOfBase64(base64: string): Uint8Array {
  if (fromBase64) return fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
