import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/**
 * Seed 002's note post data (`Api-Key=…&id=0&data=…&contact_id=[Contact ID]`) may go as XML too (seed 000). As form or
 * JSON post data, `contact_id` names the contact and `id` is the note's; as XML both read "Contact ID".
 */
describe('XML "Send a webhook" post data with both id and contact_id', () => {
  it('labels contact_id as the contact and leaves id unlabelled, as form and JSON post data do', () => {
    const r = decodeCapture(
      input(
        '<?xml version="1.0"?><note><Api-Key>22222222222222</Api-Key><id>0</id>' +
          '<data>Note inserted by webhook</data><author>1</author><contact_id>8</contact_id></note>',
        'application/xml',
      ),
    );
    expect(r.vendor).toBe('Ontraport');
    expect([node(r, '$.note.contact_id').label, node(r, '$.note.id').label]).toEqual(['Contact ID', 'id']);
  });

  it('id alone is still the contact', () => {
    const r = decodeCapture(
      input(
        '<contact><id>8</id><firstname>Mary</firstname><sms_number>5551234</sms_number></contact>',
        'application/xml',
      ),
    );
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$.contact.id').label).toBe('Contact ID');
  });
});
