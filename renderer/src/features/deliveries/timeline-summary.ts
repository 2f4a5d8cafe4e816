import type { DeliveryAttempt, DeliveryDetail } from '../../../../electron/shared/contract/delivery';
import { formatCount } from '../../lib/format';
import { formatDuration, oneLine } from './format';
import { nextWait } from './next-wait';

/**
 * What the attempt timeline chart shows, in words for a screen reader: each attempt's answer, outcome and wait, the
 * wait told as the attempt table's "Next wait" tells it when it did not run its course (retried by hand, cancelled).
 */
export function timelineSummary(attempts: DeliveryAttempt[], state: DeliveryDetail['state']): string {
  const open = state === 'pending' || state === 'held' || state === 'in_flight';
  const each = attempts.map((a, i) => {
    const answer = a.status !== null ? String(a.status) : oneLine(a.error ?? 'no answer', 60);
    const next = attempts[i + 1];
    // An interrupted attempt planned no wait (older logs wrote 0 ms).
    const planned = a.outcome !== 'interrupted' && a.nextWaitMs !== null;
    const cutShort = next?.manual === true || (next === undefined && !open);
    const wait = !planned
      ? ''
      : cutShort
        ? `, ${nextWait(a, next, state).text}`
        : `, next in ${formatDuration(a.nextWaitMs)}`;
    return `#${a.attemptNo} ${answer} (${a.outcome}${wait})`;
  });
  return `Attempt timeline, ${formatCount(attempts.length, 'attempt')}: ${each.join('; ')}`;
}
