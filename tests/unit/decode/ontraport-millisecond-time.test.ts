import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatUnixSeconds } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

// Ontraport times are Unix seconds (DOMAIN-NOTES §3.3). A 13-digit value is milliseconds: read as seconds it names a
// date in the year 49976, which told the reader nothing about when the delivery was sent.
describe('an Ontraport time sent in milliseconds', () => {
  it('shows the instant it names, and says what reading it as seconds would give', () => {
    const f = formatUnixSeconds('1514940140000');
    expect(f.display).toBe('2018-01-03 00:42:20 UTC');
    expect(f.epochMs).toBe(1_514_940_140_000);
    expect(f.details).toEqual(['1514940140000 ms since 1970-01-01 UTC']);
    expect(f.problems).toEqual([
      'Looks like milliseconds, not seconds: shown read as milliseconds; read as seconds it would be 49976-07-17 09:33:20 UTC.',
    ]);
  });

  it('in a subscription delivery', () => {
    const r = decodeCapture(
      input(
        'webhook_id=3&event[type]=sub_tag&data[id]=8&timestamp=1514940140000',
        'application/x-www-form-urlencoded',
      ),
    );
    expect(node(r, '$.timestamp').display).toBe('2018-01-03 00:42:20 UTC');
    expect(node(r, '$.timestamp').warnings[0]!.message).toMatch(/^Looks like milliseconds/);
  });

  it('seconds are read as before', () => {
    expect(formatUnixSeconds('1514940140')).toMatchObject({
      display: '2018-01-03 00:42:20 UTC',
      epochMs: 1_514_940_140_000,
      problems: [],
    });
  });
});
