import { describe, expect, it } from 'vitest';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';

const nowMs = 1_696_306_283_000;
const hex = (n: number) => 'a'.repeat(n);
const contactOf = (contact: Record<string, string>) =>
  (
    JSON.parse(buildEmulatedRequest('ortto-activity', { nowMs, contact, randomHex: hex }).body) as {
      contact: Record<string, unknown>;
    }
  ).contact;

/** A CSV export often has several columns for one field, some of them blank (an Ontraport export: office_phone, sms_number). */
describe('Ortto emulators take a field from the spelling that has a value, not from a blank column', () => {
  it('a blank phone column does not hide the sms_number', () => {
    // Was: {"contact_id":…,"email":"a@x.com"}: the blank phone was taken, and phone_number left out.
    expect(contactOf({ email: 'a@x.com', phone: '', sms_number: '+61 401 234 567' })).toMatchObject({
      phone_number: { c: '61', n: '401234567' },
    });
  });

  it('a blank "First Name" column does not hide first_name; a blank city does not hide the captured city', () => {
    const contact = contactOf({
      email: 'a@x.com',
      'First Name': '',
      first_name: 'Ada',
      city: ' ',
      'contact.city.name': 'Kolkata',
    });
    expect(contact).toMatchObject({ first_name: 'Ada', city: { name: 'Kolkata' } });
  });

  it("the journey webhook's email comes from the spelling that has one", () => {
    const journey = buildEmulatedRequest('ortto-journey', {
      nowMs,
      contact: { email: '', Email: 'b@x.com' },
    });
    expect(JSON.parse(journey.body).email).toBe('b@x.com');
  });
});
