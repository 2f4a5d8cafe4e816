import { useEffect, useState, memo } from 'react';
import { useConnection, useEvent } from '../../api';
import { formatBytes, formatCount, formatDuration } from '../../lib/format';
import { useStats } from '../../state/use-stats';
import { useThrottledTick } from '../../state/use-throttled';

const connectionLabel = {
  open: 'connected',
  connecting: 'connecting',
  closed: 'closed',
  unauthorized: 'token rejected',
};

/**
 * Capture count, database size, search-index lag, the relabelling pass's progress and why captures cannot be stored
 * (if so), refreshed periodically and on index progress. While the server is out of reach the last figures are marked stale; once it rejects the token they
 * are hidden (they never refresh).
 */
export const StatusBar = memo(function StatusBar({
  version,
  arrivals,
}: {
  version: string | null;
  arrivals: number;
}) {
  const connection = useConnection();
  const [lag, setLag] = useState<{ rows: number; ms: number } | null>(null);
  // Arrivals and deletions refresh the figures too, at most once a second.
  const [deletions, setDeletions] = useState(0);
  useEvent('capture.deleted', () => setDeletions((n) => n + 1));
  const tick = useThrottledTick(arrivals + deletions, 1000);
  const { stats, failed } = useStats(tick);

  useEvent('index.progress', (p) => setLag({ rows: p.lagRows, ms: p.lagMs }));
  // After the custom labels change, stored captures keep their old labels until this pass reaches them.
  const [relabel, setRelabel] = useState<{ done: number; total: number } | null>(null);
  useEvent('relabel.progress', (p) => setRelabel(p.running ? { done: p.done, total: p.total } : null));
  // Progress sent while the live connection was down never arrived: go by the figures until the next event (a pass
  // still running announces itself again soon).
  useEffect(() => {
    if (connection !== 'open') return;
    setLag(null);
    setRelabel(null);
  }, [connection]);

  const lagRows = lag?.rows ?? stats?.indexLagRows ?? 0;
  const lagMs = lag?.ms ?? stats?.indexLagMs ?? 0;
  const stale = connection !== 'open' || failed;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`conn conn-${connection}`} title={`Live events: ${connection}`}>
        <span className="conn-dot" aria-hidden /> {connectionLabel[connection]}
      </span>
      {connection !== 'unauthorized' && (
        <span
          className={`status-figures${stale ? ' stale' : ''}`}
          data-testid="stats"
          data-stale={stale || undefined}
          title={stale ? 'Last known figures: Hookscope cannot be reached right now' : undefined}
        >
          {stale && stats && <span data-testid="stat-stale">last known</span>}
          <span data-testid="stat-count">{stats ? formatCount(stats.count, 'capture') : '…'}</span>
          <span data-testid="stat-db">{stats ? `DB ${formatBytes(stats.dbSizeBytes)}` : ''}</span>
          <span data-testid="stat-lag" className={lagRows > 0 ? 'lagging' : ''}>
            {lagRows > 0
              ? `indexing · ${lagRows.toLocaleString()} behind (${formatDuration(lagMs)})`
              : 'index up to date'}
          </span>
          {relabel && (
            <span data-testid="stat-relabel" className="lagging">
              {`Relabelling ${relabel.done.toLocaleString()} of ${relabel.total.toLocaleString()} captures…`}
            </span>
          )}
          {stats?.storageProblem && (
            <span data-testid="stat-storage" className="storage-problem" title={stats.storageProblem}>
              {stats.storageProblem}
            </span>
          )}
        </span>
      )}
      <span className="spacer" />
      {version && <span className="muted">Hookscope {version}</span>}
    </footer>
  );
});
