import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('an Ontraport */* list item that holds the separator', () => {
  it('is quoted, so it cannot read as two items; Copy value keeps the list as sent', () => {
    const sent = '*/*Paid, annual*/*VIP*/*';
    const body = JSON.stringify({ firstname: 'M', contact_id: '8', f1234: sent });
    const field = node(decodeCapture(input(body)), '$.f1234');
    expect(field.display).toBe('"Paid, annual", VIP');
    expect(field.details).toContain('2 items');
    expect(field.raw).toBe(JSON.stringify(sent));
  });

  it('a list of ids shows as before', () => {
    const body = JSON.stringify({ firstname: 'M', contact_id: '8', f1234: '*/*4*/*12*/*' });
    expect(node(decodeCapture(input(body)), '$.f1234').display).toBe('4, 12');
  });
});
