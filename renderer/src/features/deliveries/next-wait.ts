import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { formatDuration } from './format';

/**
 * An attempt's "Next wait", as it happened: the wait it announced (the schedule's, or the target's longer
 * Retry-After), unless "Retry now" started the next attempt before it ended, or the delivery stopped (cancelled, say)
 * with no attempt after it. `title` says where the announced wait came from.
 */
export function nextWait(
  attempt: DeliveryAttempt,
  next: DeliveryAttempt | undefined,
  state: DeliveryDetail['state'],
): { text: string; title?: string } {
  if (attempt.nextWaitMs === null) return { text: '—' };
  const announced = formatDuration(attempt.nextWaitMs);
  const scheduleWaitMs = attempt.scheduleWaitMs ?? null;
  const fromRetryAfter = scheduleWaitMs !== null;
  const title = fromRetryAfter
    ? `the wait was ${announced}, set by the target's Retry-After; the schedule alone would have waited ${formatDuration(scheduleWaitMs)}`
    : `the schedule's wait was ${announced}`;
  if (next?.manual) {
    const waited = Math.max(0, next.startedAtMs - attempt.startedAtMs - attempt.durationMs);
    return { text: `retried by hand after ${formatDuration(Math.round(waited))}`, title };
  }
  const open = state === 'pending' || state === 'held' || state === 'in_flight';
  if (!next && !open) return { text: `not waited (${state})`, title };
  return fromRetryAfter ? { text: `${announced} (Retry-After)`, title } : { text: announced };
}
