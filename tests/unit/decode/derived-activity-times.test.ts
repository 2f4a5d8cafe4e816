import { describe, expect, it } from 'vitest';
import { compileCustomDictionary, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// Ortto keeps, per activity, when it first and last occurred: tme::<code>!f and tme::<code>!l (DOMAIN-NOTES §1.1).
// For an activity the dictionary does not list, both were labelled from the name alone and read the same.
describe('first/last occurred fields of activities not in the dictionary', () => {
  const contact = {
    'tme:cm:flight-booked!f': '2024-01-02T03:04:05Z',
    'tme:cm:flight-booked!l': '2024-06-07T08:09:10Z',
    'tme:o:eoj!f': '2024-01-02T03:04:05Z',
  };
  const body = JSON.stringify({ activity: { field_id: 'act::c', attr: {} }, contact, webhook_id: 'w' });

  it('say first or last, after the activity they come from', () => {
    const r = decodeCapture(input(body));
    expect(node(r, '$.contact["tme:cm:flight-booked!f"]').label).toBe('Flight booked first occurred');
    expect(node(r, '$.contact["tme:cm:flight-booked!l"]').label).toBe('Flight booked last occurred');
    expect(node(r, '$.contact["tme:o:eoj!f"]').label).toBe('Account: Started account journey first occurred');
    expect(node(r, '$.contact["tme:cm:flight-booked!l"]').display).toBe('2024-06-07 08:09:10 UTC');
  });

  it('take the custom label of the activity', () => {
    const custom = compileCustomDictionary([
      { fieldId: 'act:cm:flight-booked', label: 'Booked a flight', activityId: null, displayType: null },
    ]);
    const r = decodeCapture(input(body), custom);
    expect(node(r, '$.contact["tme:cm:flight-booked!f"]').label).toBe('Booked a flight first occurred');
  });
});
