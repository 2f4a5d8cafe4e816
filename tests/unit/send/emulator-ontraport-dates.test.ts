import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';
import { input, node } from '../decode/helpers';

/**
 * Ontraport sends dates and date-times as Unix seconds, in UTC (DOMAIN-NOTES §3.3). A sample record written with ISO
 * dates (`Birthday: 1980-03-04`, as the Ortto emulator already reads them) went into the emulated subscription
 * delivery as those strings, which Ontraport never sends: the decoder flagged its own emulator's payload
 * "Expected Unix seconds."
 */
const nowMs = 1_514_940_140_000;
const delivery = (contact: Record<string, string>) => {
  const request = buildEmulatedRequest('ontraport-sub_tag', {
    contact: { id: '8', firstname: 'Mary', ...contact },
    format: 'default',
    encoding: 'json',
    nowMs,
  });
  return { data: (JSON.parse(request.body) as { data: Record<string, string> }).data, body: request.body };
};

describe('an emulated Ontraport delivery of a record with ISO dates', () => {
  it('sends a birthday as the Unix seconds of its midnight UTC, and date-times as their instant', () => {
    const { data } = delivery({
      Birthday: '1980-03-04',
      'Date Added': '2024-01-05T10:00:00+10:00',
      dlm: '2024-01-06T00:00:00Z',
    });
    expect([data.birthday, data.date, data.dlm]).toEqual([
      String(Date.UTC(1980, 2, 4) / 1000),
      String(Date.UTC(2024, 0, 5, 0) / 1000),
      String(Date.UTC(2024, 0, 6) / 1000),
    ]);
  });

  it('decodes with no warning, the birthday read back as the date given', () => {
    const { body } = delivery({ birthday: '1980-03-04', date: '2024-01-05T00:00:00Z' });
    const decoded = decodeCapture(input(body));
    expect(decoded.warnings).toEqual([]);
    expect(node(decoded, '$.data.birthday').display).toBe('1980-03-04');
    expect(node(decoded, '$.data.date').display).toBe('2024-01-05 00:00:00 UTC');
  });

  it('keeps Unix seconds, and any value it cannot read as a date, as given', () => {
    const { data } = delivery({ birthday: '-315619200', date: 'last week', dla: '1514940140' });
    expect([data.birthday, data.date, data.dla]).toEqual(['-315619200', 'last week', '1514940140']);
  });
});
