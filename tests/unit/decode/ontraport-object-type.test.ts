import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const envelope = (objectType: string, data: unknown) =>
  JSON.stringify({ webhook_id: '3', object_type_id: objectType, event: { type: 'object_create' }, data });

describe('Ontraport subscription data by object type', () => {
  it('a custom object record is not labelled as a contact', () => {
    const r = decodeCapture(input(envelope('10005', { id: '8', email: 'x', dlm: '1514940100', f1: 'a' })));
    expect(node(r, '$.data.id').label).toBe('Record ID');
    expect(node(r, '$.data.email').label).not.toBe('Email');
    expect(node(r, '$.data.dlm').display).toBe('2018-01-03 00:41:40 UTC');
    expect(node(r, '$.data.f1').label).toBe('Custom field f1');
  });

  it('a contact record keeps the contact labels', () => {
    const r = decodeCapture(input(envelope('0', { id: '8', email: 'm@example.com' })));
    expect(node(r, '$.data.id').label).toBe('Contact ID');
    expect(node(r, '$.data.email').label).toBe('Email');
  });

  it('each record of a data list is labelled', () => {
    const r = decodeCapture(
      input(
        envelope('0', [
          { id: '8', firstname: 'Mary' },
          { id: '9', contact_cat: '*/*4*/*' },
        ]),
      ),
    );
    expect(node(r, '$.data[0].firstname').label).toBe('First name');
    expect(node(r, '$.data[1].id').label).toBe('Contact ID');
    expect(node(r, '$.data[1].contact_cat').display).toBe('4');
    const objects = decodeCapture(input(envelope('10005', [{ id: '8' }])));
    expect(node(objects, '$.data[0].id').label).toBe('Record ID');
  });

  it('each record of a form-encoded data list (data[0][id]=…, as PHP sends a list) is labelled', () => {
    const body =
      'webhook_id=3&object_type_id=0&event%5Btype%5D=sub_tag&event%5Btag_id%5D=4' +
      '&data%5B0%5D%5Bid%5D=8&data%5B0%5D%5Bfirstname%5D=Mary' +
      '&data%5B1%5D%5Bid%5D=9&data%5B1%5D%5Bcontact_cat%5D=*%2F*4*%2F*';
    const r = decodeCapture(input(body, 'application/x-www-form-urlencoded'));
    expect(r.eventLabel).toBe('Tag added (4)');
    expect(node(r, '$.data["0"].firstname').label).toBe('First name');
    expect(node(r, '$.data["1"].id').label).toBe('Contact ID');
    expect(node(r, '$.data["1"].contact_cat').display).toBe('4');
  });
});
