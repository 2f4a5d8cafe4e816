/** Small display helpers for the delivery views (pure, unit-testable). */
import { formatDuration } from '../../../../electron/shared/format-duration';

// Shared with the CLI's attempt lines, which read durations as the app does.
export { formatDuration };

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
