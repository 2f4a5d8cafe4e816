import { describe, expect, it } from 'vitest';
import { attemptProgress } from '../../../renderer/src/features/deliveries/attempt-progress';

describe("a delivery's place in its schedule, as its detail shows it", () => {
  it('before any attempt, says it was not tried yet rather than "attempt 0 of N"', () => {
    expect(attemptProgress({ state: 'pending', attempts: 0, maxAttempts: 13 })).toBe(
      'not tried yet, up to 13 attempts',
    );
    expect(attemptProgress({ state: 'held', attempts: 0, maxAttempts: 1 })).toBe(
      'not tried yet, up to 1 attempt',
    );
    expect(attemptProgress({ state: 'cancelled', attempts: 0, maxAttempts: 8 })).toBe(
      'never tried (cancelled), up to 8 attempts',
    );
  });

  it('counts the attempts made, and the one in flight', () => {
    expect(attemptProgress({ state: 'pending', attempts: 2, maxAttempts: 13 })).toBe('attempt 2 of 13');
    expect(attemptProgress({ state: 'in_flight', attempts: 0, maxAttempts: 13 })).toBe(
      'attempt 1 of 13, in flight',
    );
    expect(attemptProgress({ state: 'failed', attempts: 1, maxAttempts: 1 })).toBe('attempt 1 of 1');
  });
});
