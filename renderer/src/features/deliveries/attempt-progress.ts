import type { DeliverySummary } from '../../../../electron/shared/contract/delivery';

const upTo = (maxAttempts: number): string => `up to ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}`;

/** Where a delivery is in its schedule: "attempt 2 of 13", or before any attempt "not tried yet, up to 13 attempts". */
export function attemptProgress(d: Pick<DeliverySummary, 'state' | 'attempts' | 'maxAttempts'>): string {
  if (d.state === 'in_flight') return `attempt ${d.attempts + 1} of ${d.maxAttempts}, in flight`;
  if (d.attempts > 0) return `attempt ${d.attempts} of ${d.maxAttempts}`;
  return d.state === 'pending' || d.state === 'held'
    ? `not tried yet, ${upTo(d.maxAttempts)}`
    : `never tried (${d.state}), ${upTo(d.maxAttempts)}`;
}
