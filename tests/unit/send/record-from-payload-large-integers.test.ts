import { expect, it } from 'vitest';
import { recordFromPayload } from '../../../electron/shared/send/records';

it('a captured JSON payload gives its integers past 2^53 to merge fields with their exact digits', () => {
  const record = recordFromPayload('application/json', '{"contact":{"id":12345678901234567891,"n":7}}');
  expect({ ...record }).toEqual({ 'contact.id': '12345678901234567891', 'contact.n': '7' });
});
