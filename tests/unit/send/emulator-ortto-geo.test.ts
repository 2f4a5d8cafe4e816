import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';
import { input, node } from '../decode/helpers';

const nowMs = 1_514_940_140_000;
const hex = (n: number) => 'abcdef0123456789'.repeat(4).slice(0, n);

/** The emulated Ortto activity for `contact`, decoded as a capture of it would be. */
function decodedActivity(contact: Record<string, string>) {
  const request = buildEmulatedRequest('ortto-activity', { nowMs, randomHex: hex, contact });
  return { body: JSON.parse(request.body), decoded: decodeCapture(input(request.body)) };
}

describe('emulated Ortto locations', () => {
  it('name the place without inventing coordinates (0, 0 is in the Gulf of Guinea)', () => {
    const { body, decoded } = decodedActivity({ email: 'a@b.c', city: 'Sydney', country: 'Australia' });
    expect(body.contact.city).toEqual({ name: 'Sydney' });
    expect(body.contact.country).toEqual({ name: 'Australia' });
    expect(node(decoded, '$.contact.city').display).toBe('Sydney');
    expect(node(decoded, '$.contact.country').display).toBe('Australia');
  });

  it('keep the id and coordinates of a captured Ortto contact used as the record', () => {
    const { body, decoded } = decodedActivity({
      'contact.email': 'a@b.c',
      'contact.city.name': 'Sydney',
      'contact.city.id': '2147714',
      'contact.city.lat': '-33868800',
      'contact.city.lng': '151209300',
      'contact.country.name': 'Australia',
      'contact.country.id': '2077456',
      'contact.country.lat': '-25000000',
      'contact.country.lng': '135000000',
    });
    expect(body.contact.city).toEqual({ name: 'Sydney', id: 2147714, lat: -33868800, lng: 151209300 });
    expect(node(decoded, '$.contact.city').display).toBe('Sydney (-33.868800, 151.209300)');
    expect(node(decoded, '$.contact.country').display).toBe('Australia (-25.000000, 135.000000)');
  });
});
