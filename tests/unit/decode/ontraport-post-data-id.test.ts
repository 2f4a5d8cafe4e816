import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const form = 'application/x-www-form-urlencoded';

// Seed 002: a "Send a webhook" element calling Ontraport's API to add a note. `contact_id` names the contact; `id`
// is the new note's (0), not a second contact ID.
describe('"Send a webhook" post data with both id and contact_id', () => {
  it('labels contact_id as the contact and leaves id unlabelled', () => {
    const r = decodeCapture(
      input(
        'Api-Appid=1_111111_111111111&Api-Key=22222222222222&id=0&data=Note inserted by webhook using new API.&author=1&contact_id=8',
        form,
      ),
    );
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$.contact_id').label).toBe('Contact ID');
    expect(node(r, '$.id').label).toBe('id');
    expect(node(r, '$.id').display).toBe('0');
  });

  it('id alone is still the contact', () => {
    const r = decodeCapture(input('id=8&firstname=Mary&sms_number=5551234', form));
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$.id').label).toBe('Contact ID');
  });
});
