import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  Cell,
} from 'recharts';
import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { formatDuration } from './format';
import { timelineSummary } from './timeline-summary';

const colors: Record<DeliveryAttempt['outcome'], string> = {
  success: 'var(--ok)',
  retry: 'var(--warn)',
  failed: 'var(--error)',
  disabled: 'var(--error)',
  interrupted: 'var(--muted)',
};

/** Attempts of one delivery on a time axis (from the first attempt) against how long each took. */
export function AttemptTimeline({
  attempts,
  state,
}: {
  attempts: DeliveryAttempt[];
  state: DeliveryDetail['state'];
}) {
  if (attempts.length === 0) return <p className="muted pad">No attempts yet.</p>;
  const start = attempts[0]!.startedAtMs;
  const data = attempts.map((a) => ({
    x: a.startedAtMs - start,
    y: Math.max(0.1, a.durationMs),
    label: `#${a.attemptNo} ${a.status ?? a.error ?? ''}`,
    outcome: a.outcome,
  }));
  return (
    <div className="delivery-timeline" role="img" aria-label={timelineSummary(attempts, state)}>
      <ResponsiveContainer width="100%" height={160}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis
            dataKey="x"
            type="number"
            name="since first attempt"
            tickFormatter={(v: number) => formatDuration(v)}
            fontSize={11}
          />
          <YAxis
            dataKey="y"
            type="number"
            name="duration"
            tickFormatter={(v: number) => formatDuration(v)}
            fontSize={11}
            width={56}
          />
          <Tooltip
            formatter={(value, name) => [formatDuration(Number(value)), String(name)]}
            labelFormatter={() => ''}
          />
          <Scatter data={data} isAnimationActive={false}>
            {data.map((d, i) => (
              <Cell key={i} fill={colors[d.outcome]} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
