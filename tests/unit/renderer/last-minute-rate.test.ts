import { describe, expect, it } from 'vitest';
import { lastMinuteRate } from '../../../renderer/src/features/charts/last-minute-rate';

const minute = 60_000;
const end = 1_700_000_040_000 - (1_700_000_040_000 % minute) + minute;

describe('lastMinuteRate', () => {
  it('counts a burst in the previous minute a few seconds into the next one', () => {
    // 11 captures in the minute before; 5 s into the current minute, 55 s of that minute are still in the window.
    expect(lastMinuteRate([0, 11, 0], end, end - 55_000)).toBe(10);
  });

  it('is the finished minute itself on its boundary, and only the current minute at its end', () => {
    expect(lastMinuteRate([0, 30, 0], end, end - minute)).toBe(30);
    expect(lastMinuteRate([0, 30, 4], end, end)).toBe(4);
  });

  it('adds the current minute to what is left of the previous one', () => {
    expect(lastMinuteRate([0, 60, 7], end, end - 30_000)).toBe(37);
  });

  it('reads empty or one-bucket series', () => {
    expect(lastMinuteRate([], end, end - 1_000)).toBe(0);
    expect(lastMinuteRate([5], end, end - 1_000)).toBe(5);
  });
});
