/** Exponential back-off with jitter and a cap: `base · factor^attempt`, spread by ±jitter, never above `capMs`. */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
  /** Fraction of the delay to spread randomly either way (0.2 = ±20 %), so many clients don't retry in lockstep. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, factor: 2, capMs: 30_000, jitter: 0.2 };

export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const raw = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt));
  const spread = raw * policy.jitter;
  const jittered = raw - spread + random() * 2 * spread;
  return Math.round(Math.min(policy.capMs, Math.max(0, jittered)));
}
