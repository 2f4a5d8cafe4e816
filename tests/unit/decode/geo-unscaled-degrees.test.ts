import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatGeo } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

// Ortto sends lat/lng as integers ×1,000,000 (DOMAIN-NOTES §1.2). Numbers with decimals were not scaled: dividing
// them again would show Kolkata at 0.000023, 0.000088 — next to 0°, 0° — without a word.
describe('Ortto geo lat/lng sent with decimals', () => {
  it('are shown as sent, with a warning, not divided by 1,000,000', () => {
    const f = formatGeo({ name: 'Kolkata', lat: 22.5726, lng: 88.3639 });
    expect(f.display).toBe('Kolkata (22.5726, 88.3639)');
    expect(f.problems).toEqual([
      'Expected lat and lng as integers ×1,000,000: these have decimals (degrees sent unscaled?); shown as sent, not ÷ 1,000,000.',
    ]);
  });

  it('one coordinate with decimals is enough to say so, in the Decoded tab too', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          activity: {
            field_id: 'act::ws',
            attr: { 'geo::city': { name: 'Kolkata', lat: '22.5726', lng: 88363900 } },
          },
          webhook_id: 'w',
        }),
      ),
    );
    const city = node(r, '$.activity.attr["geo::city"]');
    expect(city.display).toBe('Kolkata (22.5726, 88363900)');
    expect(city.warnings.map((w) => w.message)).toContain(
      'Expected lat and lng as integers ×1,000,000: these have decimals (degrees sent unscaled?); shown as sent, not ÷ 1,000,000.',
    );
  });

  it('integers are still ÷ 1,000,000 without a warning', () => {
    const f = formatGeo({ name: 'Kolkata', lat: 22572600, lng: 88363900 });
    expect(f.display).toBe('Kolkata (22.572600, 88.363900)');
    expect(f.problems).toEqual([]);
  });
});
