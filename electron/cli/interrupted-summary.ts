import type { AttemptLine } from '../engine/delivery/headless';
import type { BulkProgress, DeliverySummary } from '../shared/contract/delivery';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The attempts a CLI send has made and the rows they were for, counted as they are printed. */
export class AttemptTally {
  attempts = 0;
  readonly rows = new Set<number>();

  note(line: AttemptLine): void {
    this.attempts++;
    if (line.row !== null) this.rows.add(line.row);
  }
}

/** `interrupted: 2 attempts made, not delivered (last: HTTP 503)` */
export function deliveryInterrupted(delivery: DeliverySummary): string {
  const last = delivery.lastError ?? (delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : null);
  return `interrupted: ${plural(delivery.attempts, 'attempt')} made, not delivered${last ? ` (last: ${last})` : ''}\n`;
}

/** `interrupted after 5 attempts: 3 of 10 rows sent (1 delivered, 0 failed, 2 still retrying), 7 not sent` */
export function bulkInterrupted(job: BulkProgress, tally: AttemptTally): string {
  const c = job.counts;
  const sent = tally.rows.size;
  const unfinished = Math.max(0, sent - c.succeeded - c.failed);
  const notSent = Math.max(0, job.total - sent - c.skipped);
  const skipped = c.skipped > 0 ? `, ${c.skipped} skipped` : '';
  return (
    `interrupted after ${plural(tally.attempts, 'attempt')}: ${sent} of ${plural(job.total, 'row')} sent ` +
    `(${c.succeeded} delivered, ${c.failed} failed, ${unfinished} still retrying), ${notSent} not sent${skipped}\n`
  );
}

/** `interrupted while reading the rows of big.csv: no rows sent` (Ctrl+C before the rows were all read and parsed) */
export function rowsReadInterrupted(file: string): string {
  return `interrupted while reading the rows of ${file}: no rows sent\n`;
}
