import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('"Send a webhook" post data as XML', () => {
  it('decodes the root element children like the JSON and form versions', () => {
    const r = decodeCapture(
      input(
        '<?xml version="1.0"?><contact><firstname>Mary</firstname><contact_id>8</contact_id>' +
          '<f1584>*/*4*/*</f1584><date>1514940140</date></contact>',
        'application/xml',
      ),
    );
    expect([r.vendor, r.eventLabel, r.bodyFormat]).toEqual(['Ontraport', 'Send a webhook', 'xml']);
    expect(node(r, '$.contact.firstname').label).toBe('First name');
    expect(node(r, '$.contact.contact_id').label).toBe('Contact ID');
    expect(node(r, '$.contact.f1584').label).toBe('Custom field f1584');
    expect(node(r, '$.contact.f1584').display).toBe('4');
    expect(node(r, '$.contact.date').label).toBe('Date added');
    expect(node(r, '$.contact.date').display).toBe('2018-01-03 00:42:20 UTC');
  });
});
