/**
 * Keys of the Ortto webhook bodies themselves (not field IDs): the activity webhook envelope, the journey/playbook
 * "Webhook" action's locked fields, and the `contact` object's keys with the person field each one carries.
 */
export interface EnvelopeKey {
  label: string;
  /** How to read the value: an Ortto type prefix (tme, idt, …) or 'activity-id'. */
  type: string;
}

export const ORTTO_ACTIVITY_ENVELOPE: Record<string, EnvelopeKey> = {
  activity: { label: 'Activity', type: 'obj' },
  contact: { label: 'Person', type: 'obj' },
  account: { label: 'Account', type: 'obj' },
  id: { label: 'Event ID', type: 'idt' },
  time: { label: 'Sent at', type: 'tme' },
  webhook_id: { label: 'Webhook ID', type: 'idt' },
  webhook_name: { label: 'Webhook name', type: 'str' },
};

export const ORTTO_ACTIVITY_KEYS: Record<string, EnvelopeKey> = {
  id: { label: 'Activity ID', type: 'idt' },
  field_id: { label: 'Activity', type: 'activity-id' },
  created: { label: 'Occurred at', type: 'tme' },
  attr: { label: 'Attributes', type: 'obj' },
};

/** Locked fields of a journey/playbook webhook (Ortto's page; keys from a real relayed body). */
export const ORTTO_JOURNEY_KEYS: Record<string, EnvelopeKey> = {
  contact_id: { label: 'Person ID', type: 'idt' },
  email: { label: 'Email', type: 'str' },
  campaign_id: { label: 'Campaign ID', type: 'idt' },
  campaign_name: { label: 'Campaign name', type: 'str' },
  action_id: { label: 'Action ID', type: 'idt' },
  action_name: { label: 'Action name', type: 'str' },
  run_id: { label: 'Journey run ID', type: 'idt' },
  shape_id: { label: 'Shape ID', type: 'str' },
  shape_title: { label: 'Shape title', type: 'str' },
};

/** `contact` keys in activity webhooks → the person field they carry. */
export const ORTTO_CONTACT_KEYS: Record<string, string> = {
  email: 'str::email',
  first_name: 'str::first',
  last_name: 'str::last',
  external_id: 'str::ei',
  phone_number: 'phn::phone',
  city: 'geo::city',
  region: 'geo::region',
  country: 'geo::country',
  postal: 'str::postal',
  birthday: 'dtz::b',
  language: 'str::language',
};
export const ORTTO_CONTACT_EXTRA: Record<string, EnvelopeKey> = {
  contact_id: { label: 'Person ID', type: 'idt' },
  account_id: { label: 'Account ID', type: 'idt' },
};
