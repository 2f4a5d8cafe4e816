import { ONTRAPORT_CONTACT_FIELDS } from '../decode/dictionary/ontraport';
import { findPlaceholders, lookupField, resolveTemplate } from './merge-fields';
import { ontraportFieldValue } from './ontraport-seconds';
import { pingPostData } from './ping-post-data';

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
export const ontraportFormats = ['default', 'notify', 'lightweight'] as const;
export type OntraportFormat = (typeof ontraportFormats)[number];
export const ontraportEncodings = ['json', 'form'] as const;
export type OntraportEncoding = (typeof ontraportEncodings)[number];
export const defaultOntraportFormat: OntraportFormat = 'default';
export const defaultOntraportEncoding: OntraportEncoding = 'form';
export const defaultOntraportTagId = 4;
export const defaultOntraportFormId = 12;

export interface EmulatorOptions {
  /** Sample contact; keys in any common spelling (`First Name`, `first_name`, `firstname`). */
  contact?: Record<string, string>;
  /** Ontraport subscription data format. */
  format?: OntraportFormat;
  /** Ontraport wire format: JSON, or form pairs with bracket nesting (`event[type]=sub_tag`). */
  encoding?: OntraportEncoding;
  nowMs: number;
  randomHex?: (n: number) => string;
  tagId?: number;
  formId?: number;
  /** Ortto activity to emulate (default `act::s-all`, the documented sample). */
  activity?: string;
  /** Ontraport Ping URL post data; defaults to the WP Fusion-style `firstname=[First Name]&…`. */
  postData?: string;
  /** Where it goes. Ontraport fills merge fields in a Ping URL's destination too (`contact_id=[Contact ID]`). */
  url?: string;
  /** The composer's environment: `{{name}}` in Ping post data (an API key, seed 002) is filled with the fields. */
  env?: Record<string, string>;
}

export interface EmulatedRequest {
  method: string;
  headers: [string, string][];
  body: string;
  policy: 'ortto' | 'ontraport';
  description: string;
  /** `options.url` with the platform's merge fields filled in, when the platform fills them there. */
  url?: string;
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
  const phone = get('phone') ?? get('phone number') ?? get('sms_number') ?? get('office_phone');
  const capturedPhone = nestedPart(contact, 'phone_number', 'n');
  if (phone) {
    const parsed = orttoPhone(phone, get('country'));
    if (parsed) out.phone_number = parsed;
  } else if (capturedPhone) {
    out.phone_number = { c: nestedPart(contact, 'phone_number', 'c') ?? '', n: capturedPhone };
  }
  for (const key of ['city', 'country'] as const) {
    const geo = orttoGeo(contact, key);
    if (geo) out[key] = geo;
  }
  const birthday = orttoBirthday(contact);
  if (birthday) out.birthday = birthday;
  return out;
}

/**
 * ITU E.164 country calling codes are prefix-free: 1 and 7 are one digit, these are two, every other assigned code
 * is three (`353`, `852`, `971` …).
 */
const twoDigitCallingCodes = new Set(
  [
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
    60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
  ].map(String),
);

/** The calling code an international number (digits after `+`) starts with, or `null` when none can. */
export function callingCodeOf(digits: string): string | null {
  if (!/^[1-9]\d{3,}$/.test(digits)) return null;
  if (digits[0] === '1' || digits[0] === '7') return digits.slice(0, 1);
  const two = digits.slice(0, 2);
  return twoDigitCallingCodes.has(two) ? two : digits.slice(0, 3);
}

/** Calling codes by ISO 3166 code, for a national number whose contact names a country. Not exhaustive. */
const callingCodeByRegion: Record<string, string> = {
  US: '1',
  CA: '1',
  GB: '44',
  IE: '353',
  AU: '61',
  NZ: '64',
  DE: '49',
  FR: '33',
  ES: '34',
  IT: '39',
  NL: '31',
  BE: '32',
  LU: '352',
  CH: '41',
  AT: '43',
  SE: '46',
  NO: '47',
  DK: '45',
  FI: '358',
  IS: '354',
  PL: '48',
  PT: '351',
  GR: '30',
  CZ: '420',
  SK: '421',
  HU: '36',
  RO: '40',
  BG: '359',
  SI: '386',
  HR: '385',
  RS: '381',
  EE: '372',
  LV: '371',
  LT: '370',
  CY: '357',
  MT: '356',
  UA: '380',
  RU: '7',
  KZ: '7',
  TR: '90',
  IL: '972',
  AE: '971',
  SA: '966',
  QA: '974',
  KW: '965',
  EG: '20',
  MA: '212',
  ZA: '27',
  NG: '234',
  KE: '254',
  IN: '91',
  PK: '92',
  BD: '880',
  LK: '94',
  CN: '86',
  HK: '852',
  TW: '886',
  JP: '81',
  KR: '82',
  SG: '65',
  MY: '60',
  TH: '66',
  VN: '84',
  PH: '63',
  ID: '62',
  MX: '52',
  BR: '55',
  AR: '54',
  CL: '56',
  CO: '57',
  PE: '51',
  VE: '58',
};
const regionAliases: Record<string, string> = {
  usa: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  czechrepublic: 'CZ',
  southkorea: 'KR',
  hongkong: 'HK',
  uae: 'AE',
};
let regionByName: Map<string, string> | null = null;
const squashName = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** `US`, `United States`, `usa` → `1`; an unknown country → `null` (no guessing). */
function callingCodeOfCountry(country: string | undefined): string | null {
  if (!country) return null;
  const trimmed = country.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return callingCodeByRegion[trimmed.toUpperCase()] ?? null;
  if (!regionByName) {
    regionByName = new Map(Object.entries(regionAliases));
    try {
      const names = new Intl.DisplayNames(['en'], { type: 'region' });
      for (const region of Object.keys(callingCodeByRegion)) {
        const name = names.of(region);
        if (name) regionByName.set(squashName(name), region);
      }
    } catch {
      // no region names in this runtime: ISO codes and the aliases still work
    }
  }
  const region = regionByName.get(squashName(trimmed));
  return region ? (callingCodeByRegion[region] ?? null) : null;
}

/**
 * Ortto's `{c, n}`: c = country calling code digits, n = national number without the trunk prefix
 * (DOMAIN-NOTES §1.2, `phn`). An international number (`+44 20 …`, `0044 20 …`) carries its code; a national one
 * keeps all its digits and takes the code from the contact's country, or leaves c empty when there is none.
 */
export function orttoPhone(phone: string, country?: string): { c: string; n: string } | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return null;
  const international = trimmed.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : null;
  if (international !== null) {
    const c = callingCodeOf(international);
    if (c === null) return { c: '', n: digits };
    return { c, n: withoutTrunk(international.slice(c.length), c) };
  }
  const c = callingCodeOfCountry(country) ?? '';
  return { c, n: withoutTrunk(digits, c) };
}

/** Drop the trunk prefix: 0 in most countries (not Italy, where it is part of the number), 1 in NANP, 8 in RU/KZ. */
function withoutTrunk(national: string, c: string): string {
  if (c === '1') return national.length === 11 && national.startsWith('1') ? national.slice(1) : national;
  if (c === '7' && national.length === 11 && national.startsWith('8')) return national.slice(1);
  if (c === '39') return national;
  return national.length > 1 && national.startsWith('0') ? national.slice(1) : national;
}

/**
 * Ortto's geo {name, id, lat, lng} (lat/lng ×1,000,000): the id and coordinates only as the record gives them (a
 * captured Ortto contact), as integers. Made-up ones would decode as a real place: 0, 0 is in the Gulf of Guinea.
 */
function orttoGeo(contact: Record<string, string>, key: 'city' | 'country'): Record<string, unknown> | null {
  const name = lookupField(contact, key) ?? nestedPart(contact, key, 'name');
  if (!name) return null;
  const whole = (part: string) => {
    const text = nestedPart(contact, key, part)?.trim();
    return text !== undefined && /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
  };
  const geo: Record<string, unknown> = { name };
  const id = whole('id');
  if (id !== undefined) geo.id = id;
  const [lat, lng] = [whole('lat'), whole('lng')];
  if (lat !== undefined && lng !== undefined) Object.assign(geo, { lat, lng });
  return geo;
}

/**
 * A part of an object flattened into the record, as a captured Ortto payload gives it: `contact.phone_number.n`,
 * `contact[city][name]`.
 */
function nestedPart(contact: Record<string, string>, object: string, name: string): string | undefined {
  const path = (key: string) => key.replace(/\[([^\]]*)\]/g, '.$1').toLowerCase();
  const key = Object.keys(contact).find((k) => {
    const p = path(k);
    return p === `${object}.${name}` || p.endsWith(`.${object}.${name}`);
  });
  return key === undefined ? undefined : contact[key];
}

/**
 * Ortto's `birthday` {year, month, day, timezone} from the record's birthday: an ISO date (`1980-03-04`, a
 * date-time is cut to its date), a JSON object, or flattened keys (`birthday.year` …, as a captured Ortto payload
 * gives). The timezone is the object's, else the record's `timezone`, else empty. Anything else is left out.
 */
export function orttoBirthday(
  contact: Record<string, string>,
): { year: number; month: number; day: number; timezone: string } | null {
  const part = (name: string) => nestedPart(contact, 'birthday', name);
  type Parts = { year?: unknown; month?: unknown; day?: unknown; timezone?: unknown };
  let fields: Parts | null = null;
  const raw = lookupField(contact, 'birthday')?.trim();
  if (raw?.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && typeof parsed === 'object') fields = parsed as Parts;
    } catch {
      fields = null;
    }
  } else if (raw) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
    if (iso) fields = { year: iso[1], month: iso[2], day: iso[3] };
  } else if (part('year') !== undefined) {
    fields = { year: part('year'), month: part('month'), day: part('day'), timezone: part('timezone') };
  }
  if (!fields) return null;
  const year = Number(fields.year);
  const month = Number(fields.month);
  const day = Number(fields.day);
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const timezone =
    typeof fields.timezone === 'string' && fields.timezone
      ? fields.timezone
      : (lookupField(contact, 'timezone') ?? '');
  return { year, month, day, timezone };
}

/**
 * The record without its blank fields: Ortto sends a person's field only when it has a value (DOMAIN-NOTES §2.2), so
 * a blank column (`phone` in a CSV export) must not hide another spelling that has one (`sms_number`).
 */
const withValues = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value.trim() !== ''));

function orttoActivity(options: EmulatorOptions, fieldId: string): EmulatedRequest {
  const hex = options.randomHex ?? defaultRandomHex;
  const contact = withValues(options.contact ?? defaultContactOrtto);
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
  const contact = withValues(options.contact ?? defaultContactOrtto);
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

/** Every Ontraport contact field name (the `contact_id` merge label is not one: it is `id`). */
const ontraportFieldNames = new Set<string>(
  [...ontraportContactFields, ...Object.keys(ONTRAPORT_CONTACT_FIELDS)].filter((k) => k !== 'contact_id'),
);
const squashKey = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');
const ontraportFieldBySquashed = new Map([...ontraportFieldNames].map((name) => [squashKey(name), name]));

/**
 * Other spellings of Ontraport contact fields (squashed: lower case, no spaces, `_` or `-`). Phone goes to
 * `office_phone` as WP Fusion's default mapping does (DOMAIN-NOTES §3.3), mobile/cell to `sms_number`.
 */
const ontraportFieldAliases: Record<string, string> = {
  contactid: 'id',
  phone: 'office_phone',
  phonenumber: 'office_phone',
  workphone: 'office_phone',
  businessphone: 'office_phone',
  mobile: 'sms_number',
  mobilephone: 'sms_number',
  mobilenumber: 'sms_number',
  cell: 'sms_number',
  cellphone: 'sms_number',
  sms: 'sms_number',
  zipcode: 'zip',
  postalcode: 'zip',
  postcode: 'zip',
  postal: 'zip',
  address1: 'address',
  streetaddress: 'address',
  jobtitle: 'title',
  companyname: 'company',
  ipaddress: 'ip_addy',
  tags: 'contact_cat',
  dateadded: 'date',
  lastactivity: 'dla',
  datemodified: 'dlm',
  dateofbirth: 'birthday',
};

/**
 * The sample record in Ontraport field names: `first_name`/`First Name` → `firstname`, `Contact ID` → `id`,
 * `phone` → `office_phone`, `data[email]` → `email`; custom fields (`f1584`) kept. Keys that name no Ontraport field
 * are dropped: an Ontraport record has no others. When two keys give one field, one with a value wins over a blank
 * one, then the closer spelling (exact name, then the same name spelled differently, then a path's last segment,
 * then an alias).
 */
export function ontraportRecord(contact: Record<string, string>): Record<string, string> {
  const best = new Map<string, { rank: number; value: string }>();
  for (const [key, value] of Object.entries(contact)) {
    const path = key.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
    const leaf = path.slice(path.lastIndexOf('.') + 1);
    const candidates: Array<[string | undefined, number]> = [
      [ontraportFieldNames.has(key) || /^f\d+$/.test(key) ? key : undefined, 0],
      [ontraportFieldBySquashed.get(squashKey(key)), 1],
      [
        leaf === path
          ? undefined
          : /^f\d+$/.test(leaf)
            ? leaf
            : ontraportFieldBySquashed.get(squashKey(leaf)),
        2,
      ],
      [ontraportFieldAliases[squashKey(key)], 3],
      [leaf === path ? undefined : ontraportFieldAliases[squashKey(leaf)], 4],
    ];
    const found = candidates.find(([field]) => field !== undefined);
    if (!found) continue;
    const [field, rank] = found as [string, number];
    const current = best.get(field);
    // A blank column (an export's `email` beside its `Email`) gives way to a spelling that has a value.
    const blank = (text: string) => text.trim() === '';
    const better =
      !current || (blank(current.value) === blank(value) ? rank < current.rank : blank(current.value));
    if (better) best.set(field, { rank, value });
  }
  return Object.fromEntries([...best].map(([field, { value }]) => [field, value]));
}

function ontraportData(contact: Record<string, string>, format: OntraportFormat, nowSec: number) {
  const record = ontraportRecord(contact);
  const value = (field: string) => record[field] ?? '';
  const data: Record<string, string> = {};
  if (format === 'lightweight') {
    for (const field of lightweightFields) data[field] = value(field);
    return data;
  }
  if (format === 'notify') {
    // Seed 001: "Only the contact record ID number will be populated … with all other fields empty." The record's
    // other fields (its custom `f1584` …) are there too, empty, as in the notify sample.
    for (const field of ontraportContactFields) data[field] = field === 'id' ? value('id') : '';
    for (const field of Object.keys(record)) if (!Object.hasOwn(data, field)) data[field] = '';
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
  for (const field of ontraportContactFields) {
    const given = record[field];
    data[field] = given === undefined ? (filled[field] ?? '') : ontraportFieldValue(field, given);
  }
  // Seed 001: the default format is "all information available about the record": the other Ontraport fields it
  // has (`l_lead_source` …) and its custom fields (`f1584`, as in the samples), after the standard ones.
  for (const [field, v] of Object.entries(record)) if (!Object.hasOwn(data, field)) data[field] = v;
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

/** How a description names the sample contact: by its id, or as having none (an inline `--contact` may give no id). */
const contactNamed = (id: unknown) =>
  id === undefined || id === null || String(id).trim() === ''
    ? 'a contact with no id'
    : `contact ${String(id)}`;

function ontraportSubscription(event: OntraportEvent, options: EmulatorOptions): EmulatedRequest {
  const format = options.format ?? defaultOntraportFormat;
  const encoding = options.encoding ?? defaultOntraportEncoding;
  const contact = options.contact ?? defaultContact;
  const nowSec = Math.floor(options.nowMs / 1000);
  const eventObject: Record<string, string> = { type: event };
  if (event === 'sub_tag' || event === 'unsub_tag')
    eventObject.tag_id = String(options.tagId ?? defaultOntraportTagId);
  if (event === 'object_submits_form') eventObject.form_id = String(options.formId ?? defaultOntraportFormId);
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
    description: `Ontraport API subscription ${event}(${target}), ${format} format as ${encoding}, ${contactNamed(payload.data.id)}`,
  };
}

function ontraportPing(options: EmulatorOptions): EmulatedRequest {
  const given = options.contact ?? defaultContact;
  const template = options.postData ?? defaultPingPostData;
  // A field the contact lacks is blank in Ontraport, and a blank merge field sends nothing, not its `[Name]`.
  const urlFields = findPlaceholders(options.url ?? '').filter((p) => p.kind === 'merge');
  const blanks = [...findPlaceholders(template).filter((p) => p.kind === 'merge'), ...urlFields]
    .filter((p) => lookupField(given, p.name) === undefined)
    .map((p) => [p.name, '']);
  const contact = { ...given, ...Object.fromEntries(blanks) };
  const encoding = options.encoding ?? defaultOntraportEncoding;
  const { body, contentType } = pingPostData(template, contact, encoding, options.env);
  return {
    method: 'POST',
    headers: contentType === null ? [] : [['Content-Type', contentType]],
    body,
    policy: 'ontraport',
    description: `Ontraport "Send a Webhook" (Ping URL) post data for ${contactNamed(lookupField(contact, 'id'))}`,
    ...(options.url !== undefined && {
      url: resolveTemplate(options.url, contact, {}, { escape: 'whole-url' }).text,
    }),
  };
}
