/** Small display helpers for the delivery views (pure, unit-testable). */
/** Each unit while its reading, as rounded, stays below `below`; decimals: 1 or none. */
const DURATION_UNITS = [
  { below: 10, msPer: 1, decimals: 1, unit: 'ms' },
  { below: 1000, msPer: 1, decimals: 0, unit: 'ms' },
  { below: 120, msPer: 1000, decimals: 1, unit: 's' },
  { below: 120, msPer: 60_000, decimals: 0, unit: 'min' },
  { below: 48, msPer: 3_600_000, decimals: 1, unit: 'h' },
  { below: Infinity, msPer: 86_400_000, decimals: 1, unit: 'd' },
] as const;

/** Rounded first, then the unit picked: 999.6 ms reads "1.0 s", not "1000 ms". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  for (const { below, msPer, decimals, unit } of DURATION_UNITS) {
    const value = ms / msPer;
    const reading = decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
    if (Number(reading) < below) return `${reading} ${unit}`;
  }
  return '—';
}

export function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating…';
  if (ms === 0) return 'done';
  return `about ${formatDuration(ms)} left`;
}

export function statusClass(status: number | null): string {
  if (status === null) return 'status-none';
  if (status < 300) return 'status-2xx';
  if (status < 400) return 'status-3xx';
  if (status < 500) return 'status-4xx';
  return 'status-5xx';
}

export const dateTime = (ms: number) => new Date(ms).toLocaleString();

/**
 * When a queued delivery goes: its due time, or once that has passed (a rate limit or the concurrency gate holds it
 * back) not a time in the past.
 */
export const nextAttempt = (dueMs: number, nowMs = Date.now()) =>
  dueMs > nowMs ? dateTime(dueMs) : 'as soon as a slot frees';

/** One line of response text for a table cell: whitespace collapsed, bounded. */
export const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
