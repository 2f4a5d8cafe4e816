/** Ontraport facts: subscription events, object types, contact fields (DOMAIN-NOTES §3, seeds 000–002). */

export interface OntraportEvent {
  /** Label for the event; `(N)` with the subscription's target id is appended. */
  label: string;
  /** Key inside `event` that carries the target id. */
  targetKey: string | null;
}

export const ONTRAPORT_EVENTS: Record<string, OntraportEvent> = {
  sub_tag: { label: 'Tag added', targetKey: 'tag_id' },
  unsub_tag: { label: 'Tag removed', targetKey: 'tag_id' },
  object_submits_form: { label: 'Form submitted', targetKey: 'form_id' },
  object_create: { label: 'Object created', targetKey: null },
  purchase_product: { label: 'Product purchased', targetKey: 'product_id' },
  transaction_created_with_product: { label: 'Transaction with product', targetKey: 'product_id' },
};

export const ONTRAPORT_OBJECT_TYPES: Record<string, string> = {
  '0': 'Contact',
  '1': 'Task',
  '8': 'Sequence subscribers',
  '12': 'Note',
  '14': 'Tag',
  '16': 'Product',
  '100': 'Automation log item',
  '102': 'Custom object relationship',
  '138': 'Tag subscribers',
  '149': 'Deal',
  '150': 'Company',
};

/** `unix-date`: a date without a time of day, sent as the Unix time of its midnight UTC (a birthday). */
export type OntraportValueKind =
  'text' | 'id' | 'unix-time' | 'unix-date' | 'tag-list' | 'number' | 'email' | 'phone' | 'url';

export interface OntraportField {
  label: string;
  kind: OntraportValueKind;
}

const f = (label: string, kind: OntraportValueKind = 'text'): OntraportField => ({ label, kind });

export const ONTRAPORT_ENVELOPE: Record<string, OntraportField> = {
  webhook_id: f('Webhook subscription ID', 'id'),
  object_type_id: f('Object type', 'id'),
  event: f('Event'),
  data: f('Record'),
  timestamp: f('Sent at', 'unix-time'),
  account_id: f('Account ID', 'id'),
};

export const ONTRAPORT_EVENT_KEYS: Record<string, OntraportField> = {
  type: f('Event type'),
  tag_id: f('Tag ID', 'id'),
  form_id: f('Form ID', 'id'),
  product_id: f('Product ID', 'id'),
};

export const ONTRAPORT_CONTACT_FIELDS: Record<string, OntraportField> = {
  id: f('Contact ID', 'id'),
  owner: f('Owner', 'id'),
  firstname: f('First name'),
  lastname: f('Last name'),
  email: f('Email', 'email'),
  address: f('Address'),
  address2: f('Address 2'),
  city: f('City'),
  state: f('State'),
  zip: f('Zip code'),
  country: f('Country'),
  birthday: f('Birthday', 'unix-date'),
  home_phone: f('Home phone', 'phone'),
  sms_number: f('SMS number', 'phone'),
  office_phone: f('Office phone', 'phone'),
  fax: f('Fax', 'phone'),
  company: f('Company'),
  title: f('Job title'),
  website: f('Website', 'url'),
  date: f('Date added', 'unix-time'),
  dla: f('Date of last activity', 'unix-time'),
  dlm: f('Date last modified', 'unix-time'),
  system_source: f('System source'),
  source_location: f('Source location'),
  ip_addy: f('IP address'),
  ip_addy_display: f('IP address (display)'),
  import_id: f('Import ID', 'id'),
  bulk_mail: f('Bulk email status'),
  bulk_sms: f('Bulk SMS status'),
  contact_cat: f('Tags', 'tag-list'),
  unique_id: f('Unique ID'),
  freferrer: f('First referrer'),
  lreferrer: f('Last referrer'),
  n_lead_source: f('Lead source (first)'),
  n_campaign: f('Campaign (first)'),
  n_content: f('Content (first)'),
  n_medium: f('Medium (first)'),
  n_term: f('Term (first)'),
  l_lead_source: f('Lead source (last)'),
  l_campaign: f('Campaign (last)'),
  l_content: f('Content (last)'),
  l_medium: f('Medium (last)'),
  l_term: f('Term (last)'),
  referral_page: f('Referral page', 'url'),
  aff_sales: f('Affiliate sales', 'number'),
  aff_amount: f('Affiliate amount', 'number'),
  program_id: f('Affiliate program ID', 'id'),
  aff_paypal: f('Affiliate PayPal'),
  last_inbound_sms: f('Last inbound SMS'),
  timezone: f('Timezone'),
  spent: f('Spent', 'number'),
  grade: f('Grade', 'number'),
  time_since_dla: f('Time since last activity', 'number'),
  emailHash: f('Email hash'),
  contact_id: f('Contact ID', 'id'),
};

/** Contact fields a lightweight delivery carries. */
export const ONTRAPORT_LIGHTWEIGHT_KEYS = new Set(['id', 'firstname', 'lastname', 'email']);

/** WP Fusion's webhook endpoint parameters (DOMAIN-NOTES §4, seed 003). */
export const WP_FUSION_PARAMS: Record<string, string> = {
  wpf_action: 'WP Fusion action',
  access_key: 'Access key',
  contact_id: 'Contact ID',
  role: 'User role',
  send_notification: 'Send welcome e-mail',
  async: 'Process in background',
};

export const WP_FUSION_ACTIONS: Record<string, string> = {
  update_tags: 'Update tags',
  update: 'Update tags and meta',
  add: 'Add or update user',
};
