import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  EventName,
  EventPayload,
  Input,
  MethodName,
  Output,
} from '../../../electron/shared/contract/index';
import { useApi } from './ApiProvider';

/** Subscribe to one engine event for the component's lifetime; the latest handler is always used. */
export function useEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Call a method when `key` changes; `reload()` calls it again. Stale answers are dropped. */
export function useCall<M extends MethodName>(
  method: M,
  input: Input<M> | null,
  key: string,
): Query<Output<M>> {
  const api = useApi();
  const [state, setState] = useState<{ data?: Output<M>; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    const current = inputRef.current;
    if (current === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.call(method, current).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, method, key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
