import { useEffect, useState } from 'react';
import type { Stats } from '../../../electron/shared/contract/app';
import { useApi } from '../api';

/**
 * The engine's figures (capture count, sizes, index lag): loaded now, every 5 s, and whenever `refresh` changes.
 * `failed` says the last load did not reach the engine, so the figures shown are the last known.
 */
export function useStats(refresh = 0): { stats: Stats | null; failed: boolean } {
  const api = useApi();
  const [stats, setStats] = useState<Stats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('app.stats', {}).then(
        (s) => {
          if (!live) return;
          setStats(s);
          setFailed(false);
        },
        () => live && setFailed(true),
      );
    void load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, refresh]);
  return { stats, failed };
}
