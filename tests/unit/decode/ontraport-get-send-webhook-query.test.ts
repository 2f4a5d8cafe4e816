import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/**
 * Seed 000: a "Send a Webhook" element sends GET, PATCH, PUT, POST or DELETE, and DOMAIN-NOTES §3.1 allows merge
 * fields in the URL. Sent with GET, the contact's post data travels in the query string: the capture was recognised
 * as Ontraport from those fields, but the Decoded tab left them unlabelled (`firstname`, `contact_id`), while the same
 * fields in a POST body read "First name", "Contact ID".
 */
const query = 'firstname=Mary&lastname=Smith&contact_id=8&sms_number=%2B15551234&birthday=315532800';

describe('an Ontraport "Send a Webhook" sent with GET', () => {
  it('labels the contact fields of its query string as a POST body would be labelled', () => {
    const r = decodeCapture({ ...input('', null, query), method: 'GET' });
    expect(r.recognition?.kind).toBe('ontraport-send-webhook');
    const labels = ['firstname', 'contact_id', 'sms_number', 'birthday'].map(
      (k) => node(r, `query.${k}`).label,
    );
    expect(labels).toEqual(['First name', 'Contact ID', 'SMS number', 'Birthday']);
    expect(node(r, 'query.birthday').display).toBe('1980-01-01');
  });

  it('leaves the query string of other captures generic', () => {
    const r = decodeCapture(input('{"a":1}', 'application/json', 'firstname=Mary'));
    expect(node(r, 'query.firstname').label).toBe('firstname');
  });
});
