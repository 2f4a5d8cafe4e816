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
  const planned = fromRetryAfter ? `${announced} (Retry-After)` : announced;
  if (next && sentLate(attempt.nextWaitMs, sinceEnd(attempt, next))) {
    const gap = formatDuration(Math.round(sinceEnd(attempt, next)));
    return {
      text: `${planned} planned; sent ${gap} later`,
      title: `${title}; the next attempt went out ${gap} after this one ended: Hookscope was not running, or a paused send or a rate limit held it back`,
    };
  }
  return fromRetryAfter ? { text: planned, title } : { text: planned };
}

/**
 * Whether the next attempt went out well after its planned wait (an engine down through it). A rate gate or a busy
 * queue adds a moment, which is not worth a note.
 */
function sentLate(plannedMs: number, realMs: number): boolean {
  return realMs - plannedMs > Math.max(1000, plannedMs / 10);
}

function retriedByHand(attempt: DeliveryAttempt, next: DeliveryAttempt): string {
  return `retried by hand after ${formatDuration(Math.round(sinceEnd(attempt, next)))}`;
}

function sinceEnd(attempt: DeliveryAttempt, next: DeliveryAttempt): number {
  return Math.max(0, next.startedAtMs - attempt.startedAtMs - attempt.durationMs);
}
