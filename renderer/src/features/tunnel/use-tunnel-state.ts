import { useEffect, useState } from 'react';
import type { TunnelState } from '../../../../electron/shared/contract/tunnel';
import { useApi, useEvent } from '../../api';

/** The tunnel's full state: fetched once, then kept current by `tunnel.state` events. */
export function useTunnelState(): {
  state: TunnelState | null;
  setState: (state: TunnelState) => void;
  error: string | null;
} {
  const api = useApi();
  const [state, setState] = useState<TunnelState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.call('tunnel.status', {}).then(
      (value) => live && setState((current) => current ?? value),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('tunnel.state', (next) => setState(next));
  return { state, setState, error };
}
