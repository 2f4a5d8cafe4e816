import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/** The fields a "Send a webhook" element posted as flat JSON, nested `levels` objects down (`{"a":{"b":{…}}}`). */
function nested(levels: string[], fields: Record<string, string>): string {
  return JSON.stringify(levels.reduceRight<unknown>((inner, key) => ({ [key]: inner }), fields));
}

const fields = { firstname: '[First Name]', sms_number: 'x', contact_id: '8', id: '0' };

describe('"Send a webhook" JSON post data nested in objects', () => {
  it('labels the fields inside `contact` as the top-level ones are', () => {
    const r = decodeCapture(input(nested(['contact'], fields)));
    expect(r.eventLabel).toMatch(/^Send a webhook/);
    const flat = decodeCapture(input(JSON.stringify(fields)));
    for (const key of Object.keys(fields))
      expect(node(r, `$.contact.${key}`).label).toBe(node(flat, `$.${key}`).label);
    expect(node(r, '$.contact.firstname').label).toBe('First name');
    expect(node(r, '$.contact.contact_id').label).toBe('Contact ID');
    // contact_id names the contact, as at the top: the `id` beside it is some other record's.
    expect(node(r, '$.contact.id').label).toBe('id');
  });

  it('labels them three levels down, as far as the recogniser looks', () => {
    const r = decodeCapture(input(nested(['a', 'b', 'contact'], fields)));
    expect(r.eventLabel).toMatch(/^Send a webhook/);
    expect(node(r, '$.a.b.contact.sms_number').label).toBe(
      node(decodeCapture(input(JSON.stringify(fields))), '$.sms_number').label,
    );
  });
});

describe('"Send a webhook" XML post data nested in elements', () => {
  it("labels the fields inside a child of the root element as the root's own are", () => {
    const inner = '<firstname>[First Name]</firstname><sms_number>x</sms_number><contact_id>8</contact_id>';
    const r = decodeCapture(input(`<contact><person>${inner}</person></contact>`, 'application/xml'));
    expect(r.eventLabel).toMatch(/^Send a webhook/);
    const flat = decodeCapture(input(`<contact>${inner}</contact>`, 'application/xml'));
    for (const key of ['firstname', 'sms_number', 'contact_id'])
      expect(node(r, `$.contact.person.${key}`).label).toBe(node(flat, `$.contact.${key}`).label);
  });
});
