import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { formatDuration } from './format';

/**
 * An attempt's "Next wait", as it happened: the wait it announced (the schedule's, or the target's longer
 * Retry-After), unless "Retry now" started the next attempt before it ended, or the delivery stopped (cancelled, say)
 * with no attempt after it. An interrupted attempt announced none: how long until the next really went out (after a
 * restart, hours later perhaps). `title` says where the announced wait came from.
 */
export function nextWait(
  attempt: DeliveryAttempt,
  next: DeliveryAttempt | undefined,
  state: DeliveryDetail['state'],
): { text: string; title?: string } {
  const open = state === 'pending' || state === 'held' || state === 'in_flight';
  // An interrupted attempt planned no wait (older logs wrote 0 ms): the next went out whenever the engine could.
  if (attempt.outcome === 'interrupted') {
    if (next)
      return {
        text: `interrupted: retried${next.manual ? ' by hand' : ''} after ${formatDuration(Math.round(sinceEnd(attempt, next)))}`,
        title: 'no wait was planned: the delivery was due again as soon as the engine could send it',
      };
    return { text: open ? 'interrupted: due again' : `not waited (${state})` };
  }
  if (attempt.nextWaitMs === null)
    return next?.manual
      ? { text: retriedByHand(attempt, next), title: 'no further attempt was scheduled' }
      : { text: '—' };
  const announced = formatDuration(attempt.nextWaitMs);
  const scheduleWaitMs = attempt.scheduleWaitMs ?? null;
  const fromRetryAfter = scheduleWaitMs !== null;
  const title = fromRetryAfter
    ? `the wait was ${announced}, set by the target's Retry-After; the schedule alone would have waited ${formatDuration(scheduleWaitMs)}`
    : `the schedule's wait was ${announced}`;
  if (next?.manual) {
    return { text: retriedByHand(attempt, next), title };
  }
  if (!next && !open) return { text: `not waited (${state})`, title };
  return fromRetryAfter ? { text: `${announced} (Retry-After)`, title } : { text: announced };
}

function retriedByHand(attempt: DeliveryAttempt, next: DeliveryAttempt): string {
  return `retried by hand after ${formatDuration(Math.round(sinceEnd(attempt, next)))}`;
}

function sinceEnd(attempt: DeliveryAttempt, next: DeliveryAttempt): number {
  return Math.max(0, next.startedAtMs - attempt.startedAtMs - attempt.durationMs);
}
