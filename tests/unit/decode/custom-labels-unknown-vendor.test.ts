import { describe, expect, it } from 'vitest';
import { compileCustomDictionary, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const FORM = 'application/x-www-form-urlencoded';
const custom = compileCustomDictionary([
  { fieldId: 'f1584', label: 'Membership level', activityId: null, displayType: null },
  { fieldId: 'f1590', label: 'Renewal date', activityId: null, displayType: 'date' },
  { fieldId: 'firstname', label: 'Given name', activityId: null, displayType: null },
]);

describe('custom labels for Ontraport custom fields in a payload of no known vendor', () => {
  it('name the fNNNN fields the dictionary lists, in the body and the query string', () => {
    const r = decodeCapture(
      input('firstname=Mary&f1584=Gold&f1590=1514940140', FORM, 'f1584=Silver'),
      custom,
    );
    expect(r.vendor).toBeNull();
    expect(node(r, '$.f1584')).toMatchObject({ label: 'Membership level', labelSource: 'custom' });
    expect(node(r, 'query.f1584')).toMatchObject({ label: 'Membership level', labelSource: 'custom' });
    // The entry's display type reads the value as Ontraport sends dates (Unix seconds).
    expect(node(r, '$.f1590')).toMatchObject({ labelSource: 'custom', display: '2018-01-03 00:42:20 UTC' });
  });

  it('leave unlisted IDs and ordinary keys as sent', () => {
    const r = decodeCapture(input('firstname=Mary&f1585=x', FORM), custom);
    expect(node(r, '$.f1585')).toMatchObject({ label: 'f1585', labelSource: 'none' });
    // A bare name is no distinctive ID: in an unknown payload it is not taken for the dictionary's field.
    expect(node(r, '$.firstname')).toMatchObject({ label: 'firstname', labelSource: 'none' });
  });
});
