import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../electron/shared/decode/values';

describe('a tme value sent with a UTC offset', () => {
  it('shows the time as the sender wrote it, in its own offset, beside the UTC reading', () => {
    const f = formatTimestamp('2026-11-24T09:30:00+10:00');
    expect(f.display).toBe('2026-11-23 23:30:00 UTC');
    expect(f.epochMs).toBe(Date.UTC(2026, 10, 23, 23, 30));
    expect(f.details).toEqual(['2026-11-24 09:30:00 +10:00 (as sent)']);
  });

  it('keeps the fraction and a negative or zero offset as sent', () => {
    expect(formatTimestamp('2026-03-01T18:05:07.250-05:00').details).toEqual([
      '2026-03-01 18:05:07.250 -05:00 (as sent)',
    ]);
    expect(formatTimestamp('2026-03-01T18:05:07+00:00').details).toEqual([
      '2026-03-01 18:05:07 +00:00 (as sent)',
    ]);
  });

  it('adds nothing for a time sent in UTC', () => {
    expect(formatTimestamp('2026-11-24T09:30:00Z').details).toEqual([]);
  });

  it('shows a leap second sent with an offset as sent, before the leap-second note', () => {
    const f = formatTimestamp('2017-01-01T05:29:60.5+05:30');
    expect(f.details[0]).toBe('2017-01-01 05:29:60.5 +05:30 (as sent)');
    expect(f.details[1]).toMatch(/^Leap second/);
  });
});
