import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { formatDuration } from '../../lib/format';

/**
 * What an endpoint answers, in one line for its card. A rule's delay holds back every answer, its deliberate failures
 * too: said after the last status alone ("then 201 after 150 ms"), it read as if the failures came at once.
 */
export function ruleSummary(e: Endpoint): string {
  const { status, delayMs, behaviour: b } = e.rule;
  const delayed = (answers: string, several: boolean) =>
    delayMs === 0 ? answers : `${answers}${several ? ', each' : ''} after ${formatDuration(delayMs)}`;
  switch (b.kind) {
    case 'fixed':
      return delayed(String(status), false);
    case 'fail-first':
      return delayed(`${b.failStatus} for the first ${b.count}, then ${status}`, true);
    case 'failure-rate':
      return delayed(`${b.failStatus} ${b.percent}% of the time, else ${status}`, true);
    case 'sequence':
      return delayed(b.statuses.join(' → '), b.statuses.length > 1);
  }
}
