/** Small display helpers for the delivery views (pure, unit-testable). */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
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
