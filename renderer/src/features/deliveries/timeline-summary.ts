import type { DeliveryAttempt } from '../../../../electron/shared/contract/delivery';
import { formatCount } from '../../lib/format';
import { formatDuration, oneLine } from './format';

/** What the attempt timeline chart shows, in words for a screen reader: each attempt's answer, outcome and wait. */
export function timelineSummary(attempts: DeliveryAttempt[]): string {
  const each = attempts.map((a) => {
    const answer = a.status !== null ? String(a.status) : oneLine(a.error ?? 'no answer', 60);
    // An interrupted attempt planned no wait (older logs wrote 0 ms).
    const planned = a.outcome !== 'interrupted' && a.nextWaitMs !== null;
    const wait = planned ? `, next in ${formatDuration(a.nextWaitMs)}` : '';
    return `#${a.attemptNo} ${answer} (${a.outcome}${wait})`;
  });
  return `Attempt timeline, ${formatCount(attempts.length, 'attempt')}: ${each.join('; ')}`;
}
