/**
 * Captures in the minute before `nowMs`, from per-minute buckets whose last one ends at `endMs` (the minute boundary at
 * or after `nowMs`). The last bucket alone read "0/min" a few seconds into a minute after a burst in the one before:
 * this adds the part of the previous minute still inside the last 60 s, taking its captures as evenly spread.
 */
export function lastMinuteRate(
  rate: readonly number[],
  endMs: number,
  nowMs: number,
  bucketMs = 60_000,
): number {
  const current = rate[rate.length - 1] ?? 0;
  const previous = rate[rate.length - 2] ?? 0;
  const stillInside = Math.min(1, Math.max(0, (endMs - nowMs) / bucketMs));
  return current + Math.round(previous * stillInside);
}
