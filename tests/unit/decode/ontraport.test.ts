import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

type Rec = Record<string, string>;
const contactDefault: Rec = {
  id: '8',
  owner: '1',
  firstname: 'Mary',
  lastname: 'Smith',
  email: 'mary@example.com',
  city: 'Santa Barbara',
  date: '1514900000',
  dla: '1514940000',
  dlm: '1514940100',
  contact_cat: '*/*4*/*12*/*',
  f1584: 'Gold',
  f1585: '*/*7*/*9*/*',
};
const formats: Record<string, Rec> = {
  default: contactDefault,
  notify: Object.fromEntries(Object.keys(contactDefault).map((k) => [k, k === 'id' ? '8' : ''])),
  lightweight: { id: '8', firstname: 'Mary', lastname: 'Smith', email: 'mary@example.com' },
};
const events: { type: string; target: [string, string] | null; objectType: string; label: string }[] = [
  { type: 'sub_tag', target: ['tag_id', '4'], objectType: '0', label: 'Tag added (4)' },
  { type: 'unsub_tag', target: ['tag_id', '4'], objectType: '0', label: 'Tag removed (4)' },
  { type: 'object_submits_form', target: ['form_id', '12'], objectType: '0', label: 'Form submitted (12)' },
  { type: 'object_create', target: null, objectType: '0', label: 'Contact created (0)' },
  { type: 'object_create', target: null, objectType: '10003', label: 'Custom object created (10003)' },
  { type: 'purchase_product', target: ['product_id', '5'], objectType: '0', label: 'Product purchased (5)' },
  {
    type: 'transaction_created_with_product',
    target: ['product_id', '5'],
    objectType: '0',
    label: 'Transaction with product (5)',
  },
  { type: 'field_update', target: ['field_id', '77'], objectType: '0', label: 'Field update (77)' },
];

function envelope(e: (typeof events)[number], data: Rec) {
  const event: Rec = { type: e.type };
  if (e.target) event[e.target[0]] = e.target[1];
  return { webhook_id: '3', object_type_id: e.objectType, event, data, timestamp: '1514940140' };
}

function toForm(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}[${k}]` : k;
    return typeof v === 'object' && v !== null
      ? toForm(v as Record<string, unknown>, key)
      : [`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`];
  });
}

describe('Ontraport subscription deliveries: every event × format × encoding', () => {
  for (const e of events) {
    for (const [format, data] of Object.entries(formats)) {
      const payload = envelope(e, data);
      const encodings: [string, string, string][] = [
        ['JSON', 'application/json', JSON.stringify(payload)],
        ['form-encoded', 'application/x-www-form-urlencoded', toForm(payload).join('&')],
        // PHP clients sometimes send the brackets unescaped
        [
          'form-encoded',
          'application/x-www-form-urlencoded',
          toForm(payload).join('&').replace(/%5B/g, '[').replace(/%5D/g, ']'),
        ],
      ];
      for (const [enc, ct, body] of encodings) {
        it(`${e.type}(${e.target?.[1] ?? e.objectType}) ${format} as ${enc}${body.includes('[') ? ' (raw brackets)' : ''}`, () => {
          const r = decodeCapture(input(body, ct));
          expect(r.vendor).toBe('Ontraport');
          expect(r.eventLabel).toBe(e.label);
          expect(r.recognition?.explanation).toContain(`${format} format`);
          expect(r.recognition?.explanation).toContain(enc);
          expect(node(r, '$.timestamp').display).toBe('2018-01-03 00:42:20 UTC');
          expect(node(r, '$.data.id').display).toBe('8');
          if (format === 'default') {
            expect(node(r, '$.data.contact_cat').display).toBe('4, 12');
            expect(node(r, '$.data.contact_cat').type).toBe('tag-list');
            expect(node(r, '$.data.f1585').display).toBe('7, 9');
            expect(node(r, '$.data.f1584').label).toBe('Custom field f1584');
            expect(node(r, '$.data.dlm').display).toBe('2018-01-03 00:41:40 UTC');
          }
          // a content type the sender got wrong does not matter: the body is sniffed
          expect(classifyCapture(input(body, 'text/plain'))).toEqual({
            vendor: 'Ontraport',
            eventLabel: e.label,
          });
        });
      }
    }
  }
});

describe('merge fields', () => {
  it('a literal [First Name] arriving means the merge failed', () => {
    const r = decodeCapture(
      input('First_Name=[First Name]&Email=mary%40example.com', 'application/x-www-form-urlencoded'),
    );
    expect(r.vendor).toBe('Ontraport');
    expect(r.eventLabel).toBe('Send a webhook (unresolved merge fields)');
    const w = node(r, '$.First_Name').warnings;
    expect(w.map((x) => x.code)).toEqual(['unresolved-merge-field']);
    expect(w[0]!.message).toContain('[First Name]');
    expect(r.warnings.filter((x) => x.code === 'unresolved-merge-field')).toHaveLength(1);
  });

  it('combined and encoded merge fields are found; filled values are not flagged', () => {
    const r = decodeCapture(
      input(
        'Name=%5BFirst%20Name%5D+%5BLast+Name%5D&city=Santa+Barbara',
        'application/x-www-form-urlencoded',
      ),
    );
    expect(node(r, '$.Name').warnings[0]!.message).toContain('[First Name], [Last Name]');
    expect(node(r, '$.city').warnings).toEqual([]);
    const ok = decodeCapture(
      input('firstname=Mary&lastname=Smith&contact_id=8', 'application/x-www-form-urlencoded'),
    );
    expect(ok.warnings).toEqual([]);
    expect(ok.vendor).toBe('Ontraport');
    expect(ok.eventLabel).toBe('Send a webhook');
  });

  it('in the URL: contact_id=[Contact ID] on a WP Fusion request', () => {
    const r = decodeCapture(
      input(
        '',
        null,
        'wpf_action=add&access_key=abc12345&contact_id=%5BContact%20ID%5D&send_notification=true&role=customer',
      ),
    );
    expect(r.vendor).toBe('WP Fusion');
    expect(r.eventLabel).toBe('Add or update user');
    expect(node(r, 'query.contact_id').warnings.map((w) => w.code)).toEqual(['unresolved-merge-field']);
    expect(node(r, 'query.send_notification').label).toBe('Send welcome e-mail');
    expect(node(r, 'query.role').display).toBe('customer');
  });

  it('Ortto JSON is not scanned for merge fields (campaign names may hold brackets)', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          activity: { field_id: 'act::c', attr: { 'str::cn': '[Draft] Spring sale' } },
          webhook_id: 'w',
        }),
      ),
    );
    expect(r.warnings.filter((w) => w.code === 'unresolved-merge-field')).toEqual([]);
    expect(r.candidates.map((c) => c.vendor)).toEqual(['Ortto']);
  });

  it('merge fields in JSON, XML and plain-text post data (Ontraport picks the content type from the data)', () => {
    const json = decodeCapture(
      input('{"contact":{"first":"[First Name]","email":"m@example.com"}}', 'application/json'),
    );
    expect([json.vendor, json.eventLabel]).toEqual(['Ontraport', 'Send a webhook (unresolved merge fields)']);
    expect(node(json, '$.contact.first').warnings[0]!.code).toBe('unresolved-merge-field');

    const xml = decodeCapture(
      input(
        '<contact id="8"><first>[First Name]</first><email>m@example.com</email></contact>',
        'application/xml',
      ),
    );
    expect(xml.bodyFormat).toBe('xml');
    expect(xml.vendor).toBe('Ontraport');
    expect(node(xml, '$.contact.first').warnings[0]!.code).toBe('unresolved-merge-field');
    expect(node(xml, '$.contact["@id"]').display).toBe('8');
    // the acknowledge path does not run the XML parser but still sees the merge field in the text
    expect(
      classifyCapture(input('<contact><first>[First Name]</first></contact>', 'application/xml')),
    ).toEqual({ vendor: 'Ontraport', eventLabel: 'Send a webhook (unresolved merge fields)' });

    const text = decodeCapture(input('Hello [First Name], welcome', 'text/plain'));
    expect(text.bodyFormat).toBe('text');
    expect(text.vendor).toBe('Ontraport');
    expect(text.sections[0]!.warnings[0]!.message).toContain('[First Name]');

    const broken = decodeCapture(input('<a><b></a>', 'text/xml'));
    expect(broken.bodyFormat).toBe('text');
    expect(broken.reason).toMatch(/not well-formed XML/);
  });
});

describe('"Send a Webhook" post data sent as JSON or XML (seed 000: form-encoded, JSON, and XML)', () => {
  it.each([
    ['contact fields of a GET', 'contact_id=8&firstname=Mary&lastname=Smith', 'Send a webhook'],
    ['API keys', 'Api-Key=k&Api-Appid=a', 'Send a webhook'],
    [
      'a merge field encoded in lower case',
      'contact_id=8&firstname=%5bFirst%20Name%5d',
      'Send a webhook (unresolved merge fields)',
    ],
  ])(
    'the list names a request whose only Ontraport sign is in the URL (%s) as the decoder does',
    (_, query, event) => {
      const i = input('', null, query);
      expect([decodeCapture(i).vendor, decodeCapture(i).eventLabel]).toEqual(['Ontraport', event]);
      expect(classifyCapture(i)).toEqual({ vendor: 'Ontraport', eventLabel: event });
    },
  );

  it.each([
    ['a contact form', 'firstname=Jane&lastname=Doe&email=jane%40example.com&message=Hello', ''],
    ['names nested in a form', 'user[firstname]=Jane&user[lastname]=Doe&user[contact_id]=4', ''],
    ['a GET with only names in the URL', '', 'firstname=Jane&lastname=Doe'],
  ])(
    '%s with first and last name but nothing more Ontraport is not claimed, as JSON is not',
    (_, body, query) => {
      const i = input(body, body ? 'application/x-www-form-urlencoded' : null, query);
      expect(decodeCapture(i).vendor).toBeNull();
      expect(classifyCapture(i).vendor).toBeNull();
    },
  );

  it('JSON post data with Ontraport field names is recognised like the form version', () => {
    const body = '{"firstname":"Mary","lastname":"Smith","email":"mary@example.com","contact_id":"8"}';
    const r = decodeCapture(input(body, 'application/json'));
    expect([r.vendor, r.eventLabel]).toEqual(['Ontraport', 'Send a webhook']);
    expect(r.recognition?.confidence).toBe(0.55);
    expect(r.recognition?.explanation).toMatch(/^JSON post data with 3 Ontraport contact field names/);
    expect(classifyCapture(input(body, 'application/json'))).toEqual({
      vendor: 'Ontraport',
      eventLabel: 'Send a webhook',
    });
  });

  it('XML post data with Ontraport field names is recognised, by decode and by the acknowledge path', () => {
    const body =
      '<?xml version="1.0"?><contact><firstname>Mary</firstname><email>m@example.com</email><contact_id>8</contact_id></contact>';
    const r = decodeCapture(input(body, 'application/xml'));
    expect(r.bodyFormat).toBe('xml');
    expect([r.vendor, r.eventLabel]).toEqual(['Ontraport', 'Send a webhook']);
    expect(r.recognition?.explanation).toMatch(/^XML post data/);
    expect(classifyCapture(input(body, 'application/xml'))).toEqual({
      vendor: 'Ontraport',
      eventLabel: 'Send a webhook',
    });
  });

  it.each([
    [
      'names nested a level down',
      '<order><contact><firstname>Mary</firstname><contact_id>8</contact_id></contact><total>5</total></order>',
    ],
    [
      'names as elements with children',
      '<contact><firstname><given>Mary</given></firstname><contact_id><v>8</v></contact_id></contact>',
    ],
    ['names only as the root and in text', '<contact_id>firstname lastname</contact_id>'],
  ])('XML with %s is not claimed as Ontraport', (_, body) => {
    const r = decodeCapture(input(body, 'application/xml'));
    expect(r.vendor).toBeNull();
    expect(classifyCapture(input(body, 'application/xml')).vendor).toBeNull();
  });

  it('XML fields may be empty elements, carry attributes and follow a declaration, comments and a doctype', () => {
    const body =
      '<?xml version="1.0"?><!DOCTYPE contact><!-- c --><contact id="1"><firstname lang="en">Mary</firstname><sms_number/><contact_id>8</contact_id></contact>';
    expect(decodeCapture(input(body, 'application/xml')).recognition?.explanation).toMatch(
      /^XML post data with 3 Ontraport contact field names/,
    );
  });

  it.each([
    ['just an email', { email: 'mary@example.com', name: 'Mary' }],
    [
      'names and an email, as many CRMs send',
      { firstname: 'Mary', lastname: 'Smith', email: 'mary@example.com' },
    ],
    [
      'Ontraport-like names nested in another object',
      { properties: { firstname: 'Mary', lastname: 'Smith', contact_id: '8' }, email: 'm@example.com' },
    ],
    ['one Ontraport name', { contact_id: '8', email: 'mary@example.com' }],
  ])('JSON with %s is not claimed as Ontraport', (_, value) => {
    const r = decodeCapture(input(JSON.stringify(value), 'application/json'));
    expect(r.vendor).toBeNull();
    expect(r.candidates).toEqual([]);
    expect(classifyCapture(input(JSON.stringify(value), 'application/json')).vendor).toBeNull();
  });
});

describe('WP Fusion', () => {
  it.each([
    ['update_tags', 'Update tags'],
    ['update', 'Update tags and meta'],
    ['add', 'Add or update user'],
  ])('wpf_action=%s → %s', (action, label) => {
    const q = `wpf_action=${action}&access_key=abc12345&contact_id=8`;
    expect(classifyCapture(input('', null, q))).toEqual({ vendor: 'WP Fusion', eventLabel: label });
  });

  it('warns about a missing access_key and the administrator role', () => {
    const r = decodeCapture(input('', null, 'wpf_action=add&contact_id=8&role=administrator'));
    expect(r.recognition?.confidence).toBeLessThan(0.9);
    expect(r.warnings.map((w) => w.message).join(' ')).toContain('No access_key');
    expect(node(r, 'query.role').warnings[0]!.message).toContain('administrator');
  });

  it('warns about an empty access_key, which WP Fusion refuses as it does a missing one', () => {
    const r = decodeCapture(input('', null, 'wpf_action=update&access_key=&contact_id=8'));
    expect(r.vendor).toBe('WP Fusion');
    expect(r.recognition?.confidence).toBeLessThan(0.9);
    expect(r.recognition?.explanation).toContain('no access_key');
    expect(node(r, 'query.access_key').warnings.map((w) => w.message)).toEqual([
      'access_key is empty: WP Fusion refuses webhooks without the key.',
    ]);
  });

  it.each([
    ['wpf_action=add&access_key=abc12345', 'No contact_id'],
    ['wpf_action=update&access_key=abc12345&contact_id=', 'contact_id is empty'],
  ])('warns when %s names no contact and the body is empty', (q, message) => {
    const r = decodeCapture(input('', null, q));
    expect(r.vendor).toBe('WP Fusion');
    expect(r.warnings.map((w) => w.message).join(' ')).toContain(message);
  });

  it('a repeated wpf_action is read as PHP reads it, the last one, and flagged', () => {
    const q = 'wpf_action=update&wpf_action=add&access_key=abc12345&contact_id=8';
    expect(classifyCapture(input('', null, q))).toEqual({
      vendor: 'WP Fusion',
      eventLabel: 'Add or update user',
    });
    const r = decodeCapture(input('', null, q));
    const action = node(r, 'query.wpf_action');
    expect(action.display).toBe('Add or update user (add)');
    expect(action.warnings.map((w) => w.message)).toEqual([
      'wpf_action is repeated (update, add): WP Fusion uses the last one, add.',
    ]);
    expect(node(r, 'query.access_key').display).toBe('ab••••••');
  });

  it('wpf_action[] sent once is called a one-value list, not a repeat', () => {
    const r = decodeCapture(input('', null, 'wpf_action[]=update&access_key=abc12345&contact_id=8'));
    const action = node(r, 'query.wpf_action');
    expect(action.display).toBe('Update tags and meta (update)');
    expect(action.warnings.map((w) => w.message)).toEqual([
      'wpf_action is sent as a list with one value (wpf_action[]=update): WP Fusion expects a single value and does not recognise a list as an action.',
    ]);
  });

  it('does not warn about contact_id when the URL or the body carries the contact', () => {
    const withId = decodeCapture(input('', null, 'wpf_action=add&access_key=abc12345&contact_id=8'));
    expect(withId.warnings).toEqual([]);
    const ortto = decodeCapture(
      input('{"contact_id":"p"}', 'application/json', 'wpf_action=update&access_key=k'),
    );
    expect(ortto.warnings.map((w) => w.message).join(' ')).not.toContain('contact_id');
  });

  it('an Ortto body sent to a WP Fusion URL is decoded as Ortto, WP Fusion kept as a candidate', () => {
    const body = JSON.stringify({
      campaign_id: 'c',
      campaign_name: 'n',
      contact_id: 'p',
      email: 'e@x',
      id: 'i',
      run_id: 'r',
      shape_id: '1',
      shape_title: 'To WP',
      time: '2025-03-14T09:30:02Z',
      webhook_id: 'w',
      webhook_name: 'n',
    });
    const r = decodeCapture(input(body, 'application/json', 'wpf_action=update&access_key=abc12345'));
    expect(r.vendor).toBe('Ortto');
    expect(r.candidates.map((c) => c.vendor)).toEqual(['Ortto', 'WP Fusion']);
    expect(node(r, 'query.wpf_action').display).toBe('Update tags and meta (update)');
  });
});
