import { useEffect, useState } from 'react';
import type { TunnelState } from '../../../../electron/shared/contract/tunnel';
import { useApi, useConnection, useEvent } from '../../api';

/**
 * The tunnel's full state: fetched, then kept current by `tunnel.state` events; fetched again after the live-event
 * connection reconnects, since events sent during the gap were missed.
 */
export function useTunnelState(): {
  state: TunnelState | null;
  setState: (state: TunnelState) => void;
  error: string | null;
} {
  const api = useApi();
  const [state, setState] = useState<TunnelState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  useConnection((reconnected) => reconnected && setNonce((n) => n + 1));
  // Answers and events can cross: the newest by revision wins (an older one equal to it is the same state). Revisions
  // compare within one engine run only: a restarted engine's clock may have been set back.
  const keepNewest = (next: TunnelState) =>
    setState((current) =>
      current && current.run === next.run && current.revision > next.revision ? current : next,
    );
  useEffect(() => {
    let live = true;
    api.call('tunnel.status', {}).then(
      (value) => live && keepNewest(value),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, nonce]);
  useEvent('tunnel.state', keepNewest);
  return { state, setState: keepNewest, error };
}
