import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../../../electron/shared/contract/client';
import { getBridgeTransport } from './bridge-transport';
import { ConnectionStatus, type ConnectionState } from './connection';
import { createHttpTransport } from './http-transport';
import { takeToken } from './token';

interface ApiContextValue {
  api: ApiClient;
  connection: ConnectionStatus;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export type ApiSetup = { ok: true; value: ApiContextValue } | { ok: false; reason: string };

/** Picks the transport once: the Electron bridge when present, else HTTP + WebSocket with the page's token. */
export function setupApi(): ApiSetup {
  const connection = new ConnectionStatus();
  const bridge = getBridgeTransport();
  if (bridge) {
    connection.set('open');
    return { ok: true, value: { api: createApiClient(bridge), connection } };
  }
  const token = takeToken();
  if (!token)
    return {
      ok: false,
      reason: 'No access token. Open Hookscope with the link printed by `npm start` or `hookscope serve`.',
    };
  return {
    ok: true,
    value: { api: createApiClient(createHttpTransport({ token, status: connection })), connection },
  };
}

export function ApiProvider({ value, children }: { value: ApiContextValue; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() outside <ApiProvider>');
  return value;
}

/** The typed API client: `api.call('method', input)`, `api.on('event', fn)`. */
export function useApi(): ApiClient {
  return useApiContext().api;
}

/**
 * Connection state of the live-event stream. `onOpen` fires each time the stream opens (`reconnected` after a drop):
 * events sent before that were missed, so views catch up then.
 */
export function useConnection(onOpen?: (reconnected: boolean) => void): ConnectionState {
  const { connection } = useApiContext();
  const [state, setState] = useState(connection.current);
  const callback = useRef(onOpen);
  callback.current = onOpen;
  useEffect(
    () =>
      connection.subscribe((next, reconnected) => {
        setState(next);
        if (next === 'open') callback.current?.(reconnected);
      }),
    [connection],
  );
  return state;
}
