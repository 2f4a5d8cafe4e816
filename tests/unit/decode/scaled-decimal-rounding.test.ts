import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { scaleThousand } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

// A decimal sent where Ortto expects an integer ×1000 is flagged, and shown ÷ 1000. Dividing the double showed binary
// rounding: 21102.33 read as 21.102330000000002.
describe('a decimal in a ×1000 int field', () => {
  it('is shown ÷ 1000 with the digits sent, no binary rounding', () => {
    expect(scaleThousand(21102.33, 2)).toBe('21.10233');
    expect(scaleThousand(681529.56, 2)).toBe('681.52956');
    expect(scaleThousand(-435180.6, 2)).toBe('-435.1806');
    expect(scaleThousand(0.7, 2)).toBe('0.0007');
    expect(scaleThousand(1e-7, 0)).toBe('0.0000000001');
  });

  it('in a currency attribute of an activity', () => {
    const r = decodeCapture(input('{"activity":{"field_id":"act::c","attr":{"int::v":21102.33}}}'));
    const value = node(r, '$.activity.attr["int::v"]');
    expect(value.display).toBe('21.10233');
    expect(value.warnings.map((w) => w.message)).toEqual(['Expected an integer (decimals travel ×1000).']);
  });
});
