import { describe, expect, it } from 'vitest';
import { formatAttempt, type AttemptLine } from '../../../electron/engine/delivery/headless';

const line = (over: Partial<AttemptLine>): AttemptLine => ({
  deliveryId: 1,
  row: null,
  attemptNo: 1,
  startedAtMs: Date.UTC(2026, 10, 22, 14, 20),
  status: 503,
  error: null,
  durationMs: 12.3,
  nextWaitMs: 300_000,
  scheduleWaitMs: null,
  rateGapMs: null,
  slotsAhead: 0,
  moreRowsToQueue: false,
  outcome: 'retry',
  ...over,
});

describe("the CLI's attempt line", () => {
  it("says a wait the target's Retry-After lengthened was set by it, with the schedule's own wait", () => {
    expect(formatAttempt(line({ nextWaitMs: 7_200_000, scheduleWaitMs: 300_000 }))).toBe(
      "#1  2026-11-22T14:20:00.000Z  503  12.3 ms  next in 2.0 h (set by the target's Retry-After; the schedule's wait: 5 min)\n",
    );
    expect(formatAttempt(line({}))).toMatch(/ next in 5 min\n$/);
  });

  it('names an answer cut off after its status, as the queue records it', () => {
    const error = "HTTP 503; the answer's body was cut off: other side closed";
    expect(formatAttempt(line({ error }))).toMatch(
      / 503 \(the answer's body was cut off: other side closed\) {2}12\.3 ms {2}next in 5 min\n$/,
    );
    const delivered = "HTTP 200; the answer's body was cut off: other side closed";
    expect(
      formatAttempt(line({ status: 200, error: delivered, outcome: 'success', nextWaitMs: null })),
    ).toMatch(/ 200 \(the answer's body was cut off: other side closed\) .* delivered\n$/);
    // A given-up attempt names it once, after "gave up".
    const failed = "HTTP 404 is not retried; the answer's body was cut off: other side closed";
    expect(formatAttempt(line({ status: 404, error: failed, outcome: 'failed', nextWaitMs: null }))).toMatch(
      / {2}404 {2}12\.3 ms {2}gave up \(HTTP 404 is not retried; the answer's body was cut off: other side closed\)\n$/,
    );
  });

  it('rounds a wait before picking its unit, as the app does', () => {
    expect(formatAttempt(line({ nextWaitMs: 999.6 }))).toMatch(/ next in 1\.0 s\n$/);
    expect(formatAttempt(line({ nextWaitMs: 119_960 }))).toMatch(/ next in 2 min\n$/);
  });
});
