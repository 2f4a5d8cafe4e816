import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatUnixSeconds } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

// A date before 1970 sent in milliseconds is negative: read as seconds it named the year -29719, with no warning.
describe('an Ontraport time before 1970 sent in milliseconds', () => {
  it('shows the instant it names and says it looks like milliseconds', () => {
    const f = formatUnixSeconds('-1000000000000');
    expect(f.display).toBe('1938-04-24 22:13:20 UTC');
    expect(f.epochMs).toBe(-1_000_000_000_000);
    expect(f.problems[0]).toMatch(/^Looks like milliseconds, not seconds/);
  });

  it('in a birthday of a subscription delivery', () => {
    const r = decodeCapture(
      input(
        'webhook_id=3&event[type]=sub_tag&data[id]=8&data[birthday]=-315619200000',
        'application/x-www-form-urlencoded',
      ),
    );
    expect(node(r, '$.data.birthday').display).toBe('1960-01-01');
  });

  it('negative seconds are read as seconds, as before', () => {
    expect(formatUnixSeconds('-315619200')).toMatchObject({
      display: '1960-01-01 00:00:00 UTC',
      problems: [],
    });
  });
});
