import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/** "Send a webhook" post data under labels the user chose; `[Contact Tags]` fills in as a `*\/*` list of ids. */
const form =
  'firstname=Mary&email=m%40example.com&contact_id=8' +
  '&Tags=*%2F*4*%2F*12*%2F*&Interests=*%2F*7*%2F*&Note=*%2F*see+you*%2F*';

describe('a user-named key in Ontraport post data holding a */* list of ids', () => {
  it('is decoded as the list, whatever its name', () => {
    const r = decodeCapture(input(form, 'application/x-www-form-urlencoded'));
    expect(r.eventLabel).toBe('Send a webhook');
    const tags = node(r, '$.Tags');
    expect(tags).toMatchObject({ label: 'Tags', type: 'tag-list', display: '4, 12', raw: '*/*4*/*12*/*' });
    expect(tags.details).toEqual(['2 items']);
    expect(node(r, '$.Interests').display).toBe('7');
  });

  it('in JSON post data too', () => {
    const body = JSON.stringify({ firstname: 'Mary', contact_id: '8', Tags: '*/*4*/*12*/*' });
    expect(node(decodeCapture(input(body)), '$.Tags').display).toBe('4, 12');
  });

  it('text between */* separators under a free name is left as sent: only a list of ids has that exact shape', () => {
    const note = node(decodeCapture(input(form, 'application/x-www-form-urlencoded')), '$.Note');
    expect(note).toMatchObject({ type: 'string', display: '*/*see you*/*' });
  });
});
