import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('an Ortto geo value with an odd id', () => {
  const result = decodeCapture(
    input(
      '{"activity":{"field_id":"act::c","attr":{' +
        '"geo::city":{"name":"Paris","id":12345678901234567890,"lat":48856600,"lng":2352200},' +
        '"geo::region":{"name":"Île-de-France","id":{"geonames":3012874}}}}}',
    ),
  );

  it('still decodes a geo whose id is beyond 2^53, and shows the id as sent', () => {
    const city = node(result, '$.activity.attr["geo::city"]');
    expect(city.type).toBe('geo');
    expect(city.display).toBe('Paris (48.856600, 2.352200)');
    expect(city.details).toContain('id 12345678901234567890');
    expect(city.warnings.map((w) => w.message).join('\n')).not.toContain('Could not format');
  });

  it('shows an id that is an object as its JSON, not [object Object]', () => {
    expect(node(result, '$.activity.attr["geo::region"]').details).toContain('id {"geonames":3012874}');
  });
});
