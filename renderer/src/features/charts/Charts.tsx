import { memo, startTransition, useEffect, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import type { CaptureFilter } from '../../../../electron/shared/contract/captures';
import { useApi, useEvent } from '../../api';
import { isBackwardsTimeRange } from '../../lib/backwards-time-range';
import { useThrottledTick } from '../../state/use-throttled';
import { lastMinuteRate } from './last-minute-rate';

const BUCKETS = 30;
const BUCKET_MS = 60_000;
const CLASSES = [
  { label: '2xx', color: 'var(--ok)' },
  { label: '3xx', color: 'var(--info)' },
  { label: '4xx', color: 'var(--warn)' },
  { label: '5xx', color: 'var(--error)' },
] as const;

interface Data {
  rate: Array<{ t: string; n: number }>;
  /** The last bucket's end, and the instant the window was read up to (the range's end when it ended earlier). */
  endMs: number;
  asOfMs: number;
  statuses: Array<{ label: string; n: number; color: string }>;
  /** The filter these figures are for. */
  filterKey: string;
}

/**
 * Capture rate over the last 30 minutes (of the time range, when one ends earlier) and the status breakdown for the current filter. Counts come from the engine
 * (captures.breakdown: one grouped query each, kept counters when unfiltered), so they cover everything stored, not
 * just the rows loaded in the list.
 */
export const Charts = memo(function Charts({
  filter,
  filterKey,
  arrivals,
}: {
  filter: CaptureFilter;
  filterKey: string;
  arrivals: number;
}) {
  const api = useApi();
  const [data, setData] = useState<Data | null>(null);
  const [minute, setMinute] = useState(0);
  // Refresh at most every 5 s while captures arrive (the buckets are minutes), and once a minute regardless; soon
  // after deletes (here, elsewhere, retention), which otherwise left the counts up to a minute too high.
  const [deletes, setDeletes] = useState(0);
  useEvent('capture.deleted', () => setDeletes((n) => n + 1));
  const tick = useThrottledTick(arrivals, 5000) + useThrottledTick(deletes, 500) + minute;
  useEffect(() => {
    const t = setInterval(() => setMinute((n) => n + 1), 60_000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    let live = true;
    // A time range that ended earlier: its last 30 minutes, not the empty ones since.
    const asOf = Math.min(Date.now(), filter.toMs ?? Infinity);
    const end = Math.ceil(asOf / BUCKET_MS) * BUCKET_MS;
    const none = {
      rate: new Array<number>(BUCKETS).fill(0),
      statuses: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    };
    const breakdown = isBackwardsTimeRange(filter)
      ? Promise.resolve(none)
      : api.call('captures.breakdown', { filter, endMs: end, bucketMs: BUCKET_MS, buckets: BUCKETS });
    breakdown.then(
      ({ rate, statuses }) => {
        if (!live) return;
        // Redrawing the charts must not hold up rows arriving in the list.
        startTransition(() =>
          setData({
            rate: rate.map((n, i) => ({
              t: new Date(end - (BUCKETS - i) * BUCKET_MS).toTimeString().slice(0, 5),
              n,
            })),
            statuses: CLASSES.map((c) => ({ label: c.label, n: statuses[c.label], color: c.color })),
            endMs: end,
            asOfMs: asOf,
            filterKey,
          }),
        );
      },
      // A filter the engine refuses (a search of too many words) has no figures: the last filter's must not stand for
      // them. A refresh of the same filter that fails keeps what it showed.
      () => live && setData((shown) => (shown && shown.filterKey !== filterKey ? null : shown)),
    );
    return () => {
      live = false;
    };
  }, [api, filterKey, tick]);

  if (!data) return <div className="charts charts-loading" />;
  const perMinute = lastMinuteRate(
    data.rate.map((b) => b.n),
    data.endMs,
    data.asOfMs,
    BUCKET_MS,
  );
  return (
    <div className="charts" data-testid="charts">
      <div className="chart">
        <div className="chart-label">
          Rate <strong title="Captures in the last 60 seconds">{perMinute}</strong>
          <span className="muted">/min</span>
        </div>
        <div className="chart-body">
          <ResponsiveContainer width="100%" height={36}>
            <AreaChart
              data={data.rate}
              margin={{ top: 2, right: 0, bottom: 0, left: 0 }}
              title="Captures per minute, last 30 minutes"
            >
              <Tooltip
                contentStyle={{ fontSize: 11 }}
                formatter={(v) => [String(v), 'captures']}
                labelFormatter={(_, p) => String(p[0]?.payload?.t ?? '')}
              />
              <Area
                type="monotone"
                dataKey="n"
                stroke="var(--accent)"
                fill="var(--accent-soft)"
                strokeWidth={1.5}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="chart">
        <div className="chart-label">Status</div>
        <div className="chart-body">
          <ResponsiveContainer width="100%" height={36}>
            <BarChart
              data={data.statuses}
              margin={{ top: 2, right: 0, bottom: 0, left: 0 }}
              title="Captures by status class"
            >
              <XAxis dataKey="label" hide />
              <Tooltip contentStyle={{ fontSize: 11 }} formatter={(v) => [String(v), 'captures']} />
              <Bar dataKey="n" isAnimationActive={false}>
                {data.statuses.map((s) => (
                  <Cell key={s.label} fill={s.color} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="status-legend">
          {data.statuses.map((s) => (
            <span key={s.label} className="legend-item">
              <span className="legend-dot" style={{ background: s.color }} />
              {s.label} {s.n}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
});
