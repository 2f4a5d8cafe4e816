import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  activityLabel,
  dictionaryEntries,
  fieldLabel,
  labelFromParts,
  ortto,
  orttoDelivery,
  parseFieldId,
} from '../../../electron/shared/decode/index';

const fields = Object.entries(ortto.fields);
const attributes = Object.entries(ortto.attributes);
const activities = Object.entries(ortto.activities);
const perActivity = activities.flatMap(([act, a]) =>
  Object.entries(a.attributes).map(([attr, label]) => [act, attr, label] as const),
);

describe('Ortto dictionary: every entry', () => {
  it('has the expected size (fields, attributes, activities incl. account activities)', () => {
    expect(fields.length).toBeGreaterThanOrEqual(250);
    expect(attributes.length).toBeGreaterThanOrEqual(170);
    expect(activities.filter(([id]) => id.startsWith('act:o:')).length).toBeGreaterThanOrEqual(60);
    expect(perActivity.length).toBeGreaterThan(1500);
  });

  it.each(fields)('person/account field %s has its label outside activities', (id, f) => {
    const r = fieldLabel(id, null);
    expect(r?.label).toBe(f.label);
    expect(r?.source).toBe('dictionary');
  });

  it.each(activities)('activity %s is labelled', (id, a) => {
    expect(activityLabel(id).label).toBe(a.label);
    if (id.startsWith('act:o:')) expect(a.label.startsWith('Account: ')).toBe(true);
  });

  it.each(perActivity)('in %s, attribute %s reads "%s"', (act, attr, label) => {
    const r = fieldLabel(attr, act);
    expect(r?.label).toBe(label);
    expect(r?.source).toBe('activity');
  });

  it.each(attributes)('attribute %s has a label inside an activity that does not list it', (id, a) => {
    const r = fieldLabel(id, 'act:cm:some-custom-activity');
    expect(r?.label).toBe(a.label);
  });

  it.each(Object.keys(ortto.prefixes))('type prefix %s parses in the grammar', (prefix) => {
    const parts = parseFieldId(`${prefix}:cm:my-field`);
    expect(parts).toEqual({ type: prefix, namespace: 'cm', name: 'my-field' });
  });

  it('every browser row names an ID and a label', () => {
    const rows = dictionaryEntries();
    expect(rows.length).toBeGreaterThan(fields.length + attributes.length + activities.length);
    for (const row of rows) {
      expect(row.id.length).toBeGreaterThan(0);
      expect(row.label.length).toBeGreaterThan(0);
    }
  });

  it('labels are names, not sentences: none ends with a period', () => {
    const labels = [
      ...[...fields, ...attributes, ...activities].map(([id, e]) => [id, e.label] as const),
      ...perActivity.map(([act, attr, label]) => [`${act} ${attr}`, label] as const),
    ];
    expect(labels.filter(([, label]) => label.endsWith('.'))).toEqual([]);
    expect(fieldLabel('str::jri', 'act::sk')?.label).toBe('Journey run ID');
    expect(fieldLabel('bol::t', 'act::sk')?.label).toBe('Transactional');
  });
});

describe('same ID, different meaning', () => {
  it.each([
    ['str::lt', 'act::ws', 'Last page title', 'Last timezone'],
    ['int::v', 'act::a', 'Value', 'Total spent'],
    ['int::v', 'act::aclk', 'Cost', 'Total spent'],
    ['str::rt', 'act::rt', 'Reaction type', null],
    ['str::rt', 'act::a', 'Campaign type', null],
  ] as const)('%s in %s is "%s"', (id, act, inActivity, asPerson) => {
    expect(fieldLabel(id, act)?.label).toBe(inActivity);
    if (asPerson) expect(fieldLabel(id, null)?.label).toBe(asPerson);
  });
});

describe("Ortto's own page (seed 004)", () => {
  it('account activities and Talk attributes are in the dictionary', () => {
    expect(activityLabel('act:o:c').label).toBe('Account: Clicked email');
    expect(activityLabel('act:o:eoj').label).toBe('Account: Started account journey');
    expect(fieldLabel('idt::cid', 'act::cop')?.label).toBe('Conversation ID');
    // act:o:c carries the attributes of act::c
    expect(fieldLabel('str::cn', 'act:o:c')?.label).toBe('Campaign name');
  });

  it('records the delivery rules', () => {
    expect(orttoDelivery.successStatus).toEqual({ min: 200, max: 399 });
    expect(orttoDelivery.neverRetried).toEqual([400, 401, 403, 404, 405]);
    expect(orttoDelivery.maxRetries).toBe(12);
    expect(orttoDelivery.backoffMs.slice(0, 5)).toEqual([5, 15, 60, 300, 1440].map((m) => m * 60_000));
    expect(orttoDelivery.backoffMs).toHaveLength(12);
  });

  const seedPath = join(import.meta.dirname, '../../../../shared/seeds/004_3afcbc29e3f9550a.txt');
  it.skipIf(!existsSync(seedPath))(
    'every ID in the page is known (skipped when ../shared/seeds is absent)',
    () => {
      const ids = [
        ...readFileSync(seedPath, 'utf8').matchAll(/^([a-z0-9]+:[a-z]*:?[A-Za-z0-9_!-]+) \|/gm),
      ].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThan(250);
      for (const raw of ids) {
        const id = /^[a-z0-9]+:[^:]+$/.test(raw) ? raw.replace(':', '::') : raw;
        const known = id.startsWith('act:')
          ? ortto.activities[id]
          : (ortto.attributes[id] ?? ortto.fields[id]);
        expect(known, id).toBeDefined();
      }
    },
  );
});

describe('ID grammar', () => {
  it.each([
    ['str:cm:job-title', 'Job title (custom text field)'],
    ['int:cm:seats', 'Seats (custom number field)'],
    ['act:cm:flight-booked', 'Flight booked (custom activity)'],
    ['act:oc:renewal-due', 'Renewal due (custom account activity)'],
    ['str:oc:industry-code', 'Industry code (custom account text field)'],
    ['str:cb:c_id', 'C id (Chargebee text field)'],
    ['bol:st:it', 'It (Stripe yes/no field)'],
    ['str:sf:owner', 'Owner (Salesforce text field)'],
    ['tme:hs:last-call', 'Last call (HubSpot date-time field)'],
    ['str:zz:thing', 'Thing (zz integration text field)'],
    ['geo::home', 'Home (location field)'],
  ])('%s → %s', (id, label) => {
    const parts = parseFieldId(id);
    expect(parts).not.toBeNull();
    expect(labelFromParts(parts!)).toBe(label);
    expect(fieldLabel(id, null)?.source).toBe('grammar');
  });

  it.each(['', 'str', 'str:', 'STR::x', 'str::', 'a b:c:d', 'str:::x', 'x'.repeat(200)])(
    'rejects %j',
    (id) => {
      expect(parseFieldId(id)).toBeNull();
    },
  );
});
