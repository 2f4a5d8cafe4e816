import { describe, expect, it } from 'vitest';
import { compileCustomDictionary, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// Ontraport sends dates and times as Unix seconds (DOMAIN-NOTES §3.3); a custom field's display type says which it is.
const custom = compileCustomDictionary([
  { fieldId: 'f1584', label: 'Renewal', activityId: null, displayType: 'time' },
  { fieldId: 'f1585', label: 'Joined on', activityId: null, displayType: 'date' },
  { fieldId: 'f1586', label: 'Level', activityId: null, displayType: 'text' },
]);
const delivery = (data: string) =>
  decodeCapture(
    input(
      `webhook_id=3&object_type_id=0&event[type]=sub_tag&event[tag_id]=4&data[id]=8&${data}&timestamp=1514940140`,
      'application/x-www-form-urlencoded',
    ),
    custom,
  );

describe('Ontraport custom fields with a display type', () => {
  it('a time reads as the instant its Unix seconds name', () => {
    const r = delivery('data[f1584]=1514940140');
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$.data.f1584')).toMatchObject({
      label: 'Renewal',
      labelSource: 'custom',
      type: 'unix-time',
      display: '2018-01-03 00:42:20 UTC',
      epochMs: 1514940140000,
    });
  });

  it('a date reads as the day, in a JSON delivery too', () => {
    const body = JSON.stringify({
      webhook_id: 3,
      object_type_id: 0,
      event: { type: 'sub_tag', tag_id: 4 },
      data: { id: 8, f1585: 1514937600 },
      timestamp: 1514940140,
    });
    const r = decodeCapture(input(body), custom);
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$.data.f1585')).toMatchObject({
      label: 'Joined on',
      type: 'date',
      display: '2018-01-03',
    });
  });

  it('an empty one reads "(empty)", and other display types keep the plain reading', () => {
    const r = delivery('data[f1584]=&data[f1586]=1514940140');
    expect(node(r, '$.data.f1584').display).toBe('(empty)');
    expect(node(r, '$.data.f1586')).toMatchObject({ label: 'Level', type: 'string', display: '1514940140' });
  });
});
