import { lookupField, resolveTemplate } from './merge-fields';

export const emulatorKinds = [
  'ortto-activity',
  'ortto-journey',
  'ortto-test',
  'ontraport-sub_tag',
  'ontraport-unsub_tag',
  'ontraport-object_create',
  'ontraport-object_submits_form',
  'ontraport-ping',
] as const;
export type EmulatorKind = (typeof emulatorKinds)[number];
export type OntraportFormat = 'default' | 'notify' | 'lightweight';

export interface EmulatorOptions {
  /** Sample contact; keys in any common spelling (`First Name`, `first_name`, `firstname`). */
  contact?: Record<string, string>;
  /** Ontraport subscription data format. */
  format?: OntraportFormat;
  /** Ontraport wire format: JSON, or form pairs with bracket nesting (`event[type]=sub_tag`). */
  encoding?: 'json' | 'form';
  nowMs: number;
  randomHex?: (n: number) => string;
  tagId?: number;
  formId?: number;
  /** Ortto activity to emulate (default `act::s-all`, the documented sample). */
  activity?: string;
  /** Ontraport Ping URL post data; defaults to the WP Fusion-style `firstname=[First Name]&…`. */
  postData?: string;
}

export interface EmulatedRequest {
  method: string;
  headers: [string, string][];
  body: string;
  policy: 'ortto' | 'ontraport';
  description: string;
}

export const defaultContact: Record<string, string> = {
  id: '8',
  firstname: 'Mary',
  lastname: 'Smith',
  email: 'mary@example.com',
};

export const defaultPingPostData =
  'firstname=[First Name]&lastname=[Last Name]&email=[Email]&contact_id=[Contact ID]';

function defaultRandomHex(n: number): string {
  const bytes = new Uint8Array(Math.ceil(n / 2));
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, n);
}

export function buildEmulatedRequest(kind: EmulatorKind, options: EmulatorOptions): EmulatedRequest {
  switch (kind) {
    case 'ortto-activity':
      return orttoActivity(options, options.activity ?? 'act::s-all');
    case 'ortto-test':
      return orttoActivity(options, 'act::test_webhook');
    case 'ortto-journey':
      return orttoJourney(options);
    case 'ontraport-sub_tag':
    case 'ontraport-unsub_tag':
    case 'ontraport-object_create':
    case 'ontraport-object_submits_form':
      return ontraportSubscription(kind.slice('ontraport-'.length) as OntraportEvent, options);
    case 'ontraport-ping':
      return ontraportPing(options);
    default: {
      const never: never = kind;
      throw new Error(`emulator kind: unknown "${String(never)}"; use one of ${emulatorKinds.join(', ')}`);
    }
  }
}

// ---------------------------------------------------------------- Ortto (seed 004, DOMAIN-NOTES §2)

interface ActivityTemplate {
  label: string;
  attr: (hex: (n: number) => string) => Record<string, unknown>;
}

const campaignAttrs = (hex: (n: number) => string) => ({
  'idt::c': hex(24),
  'idt::ei': hex(24),
  'idt::jri': `10${hex(22)}`,
  'idt::mi': hex(24),
  'str::asn': 'Product review survey reminder',
  'str::cn': 'Product review survey',
  'str::ct': 'journey',
  'str::jsi': '1',
  'str::s': "Hey, we'd love your feedback!",
});

const orttoActivities: Record<string, ActivityTemplate> = {
  'act::s-all': {
    label: 'Subscribed to email',
    attr: () => ({ 'str::is': 'API', 'str::s-ctx': 'Subscribed via API' }),
  },
  'act::s': { label: 'Sent email', attr: campaignAttrs },
  'act::o': { label: 'Opened email', attr: (hex) => ({ ...campaignAttrs(hex), 'bol::m': false }) },
  'act::c': {
    label: 'Clicked email',
    attr: (hex) => ({
      ...campaignAttrs(hex),
      'str::c': 'https://example.com/reviews',
      'int::li': 1,
      'bol::m': false,
    }),
  },
  'act::ta': {
    label: 'Tag added',
    attr: () => ({ 'u4s::t': [123], 'sst::t': ['customer'], 'str::ts': 'API' }),
  },
  'act::test_webhook': { label: 'Test webhook', attr: () => ({}) },
};

export const orttoEmulatedActivities = Object.keys(orttoActivities);

/** Ortto ids look like Mongo ObjectIds: 24 hex chars; people start `00`, accounts `10`. */
const orttoPersonId = (hex: (n: number) => string) => `00${hex(22)}`;

/** The record's id when it is an Ortto id (24 hex); an Ontraport `Contact ID` like `8` would not be realistic. */
function orttoContactId(contact: Record<string, string>, hex: (n: number) => string): string {
  const id = lookupField(contact, 'contact_id');
  return id && /^[0-9a-f]{24}$/.test(id) ? id : orttoPersonId(hex);
}

/** RFC3339 with nanoseconds, as Ortto's `time` field. */
function nanoTime(nowMs: number, hex: (n: number) => string): string {
  const iso = new Date(nowMs).toISOString(); // 2023-10-03T04:11:24.257Z
  const extra = (parseInt(hex(6), 16) % 1_000_000).toString().padStart(6, '0');
  return `${iso.slice(0, -1)}${extra}Z`;
}
const secondsTime = (nowMs: number) =>
  new Date(Math.floor(nowMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function orttoContact(contact: Record<string, string>, hex: (n: number) => string): Record<string, unknown> {
  const get = (name: string) => lookupField(contact, name);
  const out: Record<string, unknown> = { contact_id: orttoContactId(contact, hex) };
  // Keys appear only when the person has a value (DOMAIN-NOTES §2.2).
  const plain: Array<[string, string]> = [
    ['email', 'email'],
    ['first_name', 'first name'],
    ['last_name', 'last name'],
    ['external_id', 'external id'],
    ['postal', 'postal'],
  ];
  for (const [key, name] of plain) {
    const value = get(name);
    if (value) out[key] = value;
  }
  const phone = get('phone') ?? get('phone number');
  if (phone) {
    const digits = phone.replace(/\D/g, '');
    out.phone_number = {
      c: digits.length > 10 ? digits.slice(0, digits.length - 9) : '1',
      n: digits.slice(-9),
    };
  }
  for (const key of ['city', 'country'] as const) {
    const value = get(key);
    if (value) out[key] = { name: value, id: 0, lat: 0, lng: 0 };
  }
  return out;
}

function orttoActivity(options: EmulatorOptions, fieldId: string): EmulatedRequest {
  const hex = options.randomHex ?? defaultRandomHex;
  const contact = options.contact ?? defaultContactOrtto;
  const template = orttoActivities[fieldId] ?? { label: fieldId, attr: () => ({}) };
  const payload = {
    activity: {
      id: `00${hex(22)}`,
      field_id: fieldId,
      created: secondsTime(options.nowMs),
      attr: template.attr(hex),
    },
    contact: orttoContact(contact, hex),
    id: `00${hex(22)}`,
    time: nanoTime(options.nowMs, hex),
    webhook_id: hex(24),
  };
  const who = String(payload.contact.email ?? payload.contact.contact_id);
  return {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify(payload),
    policy: 'ortto',
    description:
      fieldId === 'act::test_webhook'
        ? `Ortto test webhook (act::test_webhook) as sent by the Test button, for ${who}`
        : `Ortto activity webhook: ${fieldId} ${template.label}, for ${who}`,
  };
}

const defaultContactOrtto: Record<string, string> = {
  first_name: 'Alex',
  last_name: 'Kodjo',
  email: 'alex.kodjo@example.com',
};

function orttoJourney(options: EmulatorOptions): EmulatedRequest {
  const hex = options.randomHex ?? defaultRandomHex;
  const contact = options.contact ?? defaultContactOrtto;
  const payload = {
    campaign_id: hex(24),
    campaign_name: 'Trial onboarding',
    contact_id: orttoContactId(contact, hex),
    email: lookupField(contact, 'email') ?? '',
    id: `00${hex(22)}`,
    run_id: `10${hex(22)}`,
    shape_id: '4',
    shape_title: 'Notify CRM',
    time: nanoTime(options.nowMs, hex),
    webhook_id: hex(24),
    webhook_name: 'CRM webhook',
  };
  return {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify(payload),
    policy: 'ortto',
    description: `Ortto journey webhook action "${payload.shape_title}" in "${payload.campaign_name}", for ${payload.email}`,
  };
}

// ---------------------------------------------------------------- Ontraport (seeds 000–002, DOMAIN-NOTES §3)

type OntraportEvent = 'sub_tag' | 'unsub_tag' | 'object_create' | 'object_submits_form';

/** Contact fields of a `default`/`notify` delivery, in Ontraport's order. */
export const ontraportContactFields = [
  'id',
  'owner',
  'firstname',
  'lastname',
  'email',
  'address',
  'address2',
  'city',
  'state',
  'zip',
  'country',
  'birthday',
  'date',
  'dla',
  'dlm',
  'office_phone',
  'sms_number',
  'home_phone',
  'fax',
  'company',
  'title',
  'website',
  'contact_cat',
  'bulk_mail',
  'bulk_sms',
  'freferrer',
  'lreferrer',
  'n_lead_source',
  'n_campaign',
  'n_content',
  'n_medium',
  'n_term',
  'referral_page',
  'system_source',
  'source_location',
  'ip_addy',
  'ip_addy_display',
  'import_id',
  'timezone',
  'spent',
  'grade',
  'unique_id',
] as const;

const lightweightFields = ['id', 'firstname', 'lastname', 'email'] as const;

function ontraportData(contact: Record<string, string>, format: OntraportFormat, nowSec: number) {
  const value = (field: string) => lookupField(contact, field) ?? '';
  const data: Record<string, string> = {};
  if (format === 'lightweight') {
    for (const field of lightweightFields) data[field] = value(field);
    return data;
  }
  if (format === 'notify') {
    for (const field of ontraportContactFields) data[field] = field === 'id' ? value('id') : '';
    return data;
  }
  const filled: Record<string, string> = {
    owner: '1',
    date: String(nowSec),
    dla: String(nowSec),
    dlm: String(nowSec),
    bulk_mail: '1',
    bulk_sms: '0',
    spent: '0',
    grade: '0.00',
  };
  for (const field of ontraportContactFields)
    data[field] = lookupField(contact, field) ?? filled[field] ?? '';
  // Custom fields (`f1584`) and anything else the sample contact carries: "every field of the record".
  for (const [key, v] of Object.entries(contact)) {
    if (/^f\d+$/.test(key) || (!Object.hasOwn(data, key) && /^[a-z][a-z0-9_]*$/.test(key))) data[key] = v;
  }
  return data;
}

/** PHP-style bracket pairs, percent-encoded like the samples (`event%5Btype%5D=sub_tag`). */
export function toBracketForm(value: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const walk = (node: unknown, key: string) => {
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, key ? `${key}[${k}]` : k);
    } else {
      params.append(key, node === null || node === undefined ? '' : String(node));
    }
  };
  walk(value, '');
  return params.toString();
}

function ontraportSubscription(event: OntraportEvent, options: EmulatorOptions): EmulatedRequest {
  const format = options.format ?? 'default';
  const encoding = options.encoding ?? 'form';
  const contact = options.contact ?? defaultContact;
  const nowSec = Math.floor(options.nowMs / 1000);
  const eventObject: Record<string, string> = { type: event };
  if (event === 'sub_tag' || event === 'unsub_tag') eventObject.tag_id = String(options.tagId ?? 4);
  if (event === 'object_submits_form') eventObject.form_id = String(options.formId ?? 12);
  const payload = {
    webhook_id: '3',
    object_type_id: '0',
    event: eventObject,
    data: ontraportData(contact, format, nowSec),
    timestamp: String(nowSec),
  };
  const target = eventObject.tag_id ?? eventObject.form_id ?? payload.object_type_id;
  return {
    method: 'POST',
    headers: [
      ['Content-Type', encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'],
    ],
    body: encoding === 'json' ? JSON.stringify(payload) : toBracketForm(payload),
    policy: 'ontraport',
    description: `Ontraport API subscription ${event}(${target}), ${format} format as ${encoding}, contact ${payload.data.id}`,
  };
}

function ontraportPing(options: EmulatorOptions): EmulatedRequest {
  const contact = options.contact ?? defaultContact;
  const template = options.postData ?? defaultPingPostData;
  const encoding = options.encoding ?? 'form';
  let body: string;
  if (encoding === 'json') {
    const fields: Record<string, string> = {};
    for (const pair of template.split('&')) {
      const at = pair.indexOf('=');
      const label = at < 0 ? pair : pair.slice(0, at);
      if (label) fields[label] = resolveTemplate(at < 0 ? '' : pair.slice(at + 1), contact).text;
    }
    body = JSON.stringify(fields);
  } else {
    // Each value is merged then form-encoded, label by label; labels are sent as typed.
    body = template
      .split('&')
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 0) return pair;
        return `${pair.slice(0, at)}=${resolveTemplate(pair.slice(at + 1), contact, {}, { escape: 'url' }).text}`;
      })
      .join('&');
  }
  return {
    method: 'POST',
    headers: [
      ['Content-Type', encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'],
    ],
    body,
    policy: 'ontraport',
    description: `Ontraport "Send a Webhook" (Ping URL) post data for contact ${lookupField(contact, 'id') ?? '?'}`,
  };
}
