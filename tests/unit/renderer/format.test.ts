import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDateTime, formatListTime } from '../../../renderer/src/lib/format';

describe('formatting counts and sizes', () => {
  it('puts the noun in the number the count needs', () => {
    expect(formatCount(0, 'capture')).toBe('0 captures');
    expect(formatCount(1, 'capture')).toBe('1 capture');
    expect(formatCount(2500, 'capture')).toBe(`${(2500).toLocaleString()} captures`);
    expect(formatCount(1, 'delivery', 'deliveries')).toBe('1 delivery');
    expect(formatCount(3, 'delivery', 'deliveries')).toBe('3 deliveries');
  });

  it('sizes in the largest unit under 1024', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });
});

describe('a date and time in local time', () => {
  function inZone<T>(zone: string, read: () => T): T {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      return read();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  it('names its offset: the hour London repeats when the clocks go back reads apart, as do odd offsets', () => {
    const first = Date.parse('2026-10-25T01:30:00+01:00');
    const again = Date.parse('2026-10-25T01:30:00+00:00');
    expect(inZone('Europe/London', () => [formatDateTime(first), formatDateTime(again)])).toEqual([
      '2026-10-25 01:30:00.000 +01:00',
      '2026-10-25 01:30:00.000 +00:00',
    ]);
    const instant = Date.parse('2026-11-24T06:00:05.412Z');
    expect(inZone('Pacific/Chatham', () => formatDateTime(instant))).toBe('2026-11-24 19:45:05.412 +13:45');
    expect(inZone('America/St_Johns', () => formatDateTime(instant))).toBe('2026-11-24 02:30:05.412 -03:30');
  });

  it("gives the list's clock its offset in the hour New York repeats when the clocks go back, and only there", () => {
    const at = (iso: string) => Date.parse(iso);
    const now = at('2026-11-01T12:00:00-05:00');
    const times = inZone('America/New_York', () =>
      [
        '2026-11-01T00:59:59.500-04:00',
        '2026-11-01T01:30:00.250-04:00',
        '2026-11-01T01:30:00.250-05:00',
        '2026-11-01T02:00:00.000-05:00',
        '2026-03-08T03:30:00.000-04:00',
      ].map((iso) => formatListTime(at(iso), now)),
    );
    expect(times).toEqual(['00:59:59.500', '01:30:00 -04', '01:30:00 -05', '02:00:00.000', '03-08 03:30']);
    // Lord Howe Island turns its clocks back half an hour.
    const lordHowe = inZone('Australia/Lord_Howe', () =>
      [at('2026-04-05T01:45:00+11:00'), at('2026-04-05T01:45:00+10:30')].map((ms) => formatListTime(ms, ms)),
    );
    expect(lordHowe).toEqual(['01:45:00 +11', '01:45 +10:30']);
  });

  it("gives an earlier day's minute its offset when that minute came twice on its day, and only then", () => {
    const at = (iso: string) => Date.parse(iso);
    const later = at('2026-11-05T12:00:00-05:00');
    const times = inZone('America/New_York', () =>
      [
        '2026-11-01T00:59:59.500-04:00',
        '2026-11-01T01:30:00.250-04:00',
        '2026-11-01T01:30:00.250-05:00',
        '2026-11-01T02:00:00.000-05:00',
        '2026-10-31T01:30:00.000-04:00', // the same minute the day before came once
      ].map((iso) => formatListTime(at(iso), later)),
    );
    expect(times).toEqual([
      '11-01 00:59',
      '11-01 01:30 -04',
      '11-01 01:30 -05',
      '11-01 02:00',
      '10-31 01:30',
    ]);
    const lordHowe = inZone('Australia/Lord_Howe', () =>
      [at('2026-04-05T01:45:00+11:00'), at('2026-04-05T01:45:00+10:30')].map((ms) =>
        formatListTime(ms, at('2026-04-20T12:00:00+10:30')),
      ),
    );
    expect(lordHowe).toEqual(['04-05 01:45 +11', '04-05 01:45 +10:30']);
  });
});
