import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { formatDuration } from './format';

/**
 * An attempt's "Next wait", as it happened: the schedule's wait, unless "Retry now" started the next attempt before
 * it ended, or the delivery stopped (cancelled, say) with no attempt after it. `title` keeps the schedule's wait.
 */
export function nextWait(
  attempt: DeliveryAttempt,
  next: DeliveryAttempt | undefined,
  state: DeliveryDetail['state'],
): { text: string; title?: string } {
  if (attempt.nextWaitMs === null) return { text: '—' };
  const scheduled = formatDuration(attempt.nextWaitMs);
  const title = `the schedule's wait was ${scheduled}`;
  if (next?.manual) {
    const waited = Math.max(0, next.startedAtMs - attempt.startedAtMs - attempt.durationMs);
    return { text: `retried by hand after ${formatDuration(Math.round(waited))}`, title };
  }
  const open = state === 'pending' || state === 'held' || state === 'in_flight';
  if (!next && !open) return { text: `not waited (${state})`, title };
  return { text: scheduled };
}
