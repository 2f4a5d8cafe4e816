import { useEffect, useState, memo } from 'react';
import type { Stats } from '../../../../electron/shared/contract/app';
import { useApi, useConnection, useEvent } from '../../api';
import { formatBytes, formatCount, formatDuration } from '../../lib/format';
import { useThrottledTick } from '../../state/use-throttled';

/** Capture count, database size and search-index lag, refreshed periodically and on index progress. */
export const StatusBar = memo(function StatusBar({
  version,
  arrivals,
}: {
  version: string | null;
  arrivals: number;
}) {
  const api = useApi();
  const connection = useConnection();
  const [stats, setStats] = useState<Stats | null>(null);
  const [lag, setLag] = useState<{ rows: number; ms: number } | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('app.stats', {}).then(
        (s) => live && setStats(s),
        () => undefined,
      );
    load();
    const t = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [api]);

  // Arrivals refresh the figures too, at most once a second.
  const tick = useThrottledTick(arrivals, 1000);
  useEffect(() => {
    if (tick > 0) api.call('app.stats', {}).then(setStats, () => undefined);
  }, [api, tick]);

  useEvent('index.progress', (p) => setLag({ rows: p.lagRows, ms: p.lagMs }));

  const lagRows = lag?.rows ?? stats?.indexLagRows ?? 0;
  const lagMs = lag?.ms ?? stats?.indexLagMs ?? 0;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`conn conn-${connection}`} title={`Live events: ${connection}`}>
        <span className="conn-dot" aria-hidden /> {connection === 'open' ? 'connected' : connection}
      </span>
      <span data-testid="stat-count">{stats ? formatCount(stats.count, 'capture') : '…'}</span>
      <span data-testid="stat-db">{stats ? `DB ${formatBytes(stats.dbSizeBytes)}` : ''}</span>
      <span data-testid="stat-lag" className={lagRows > 0 ? 'lagging' : ''}>
        {lagRows > 0
          ? `indexing · ${lagRows.toLocaleString()} behind (${formatDuration(lagMs)})`
          : 'index up to date'}
      </span>
      <span className="spacer" />
      {version && <span className="muted">Hookscope {version}</span>}
    </footer>
  );
});
