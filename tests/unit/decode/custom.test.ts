import { describe, expect, it } from 'vitest';
import {
  isInstanceSchema,
  compileCustomDictionary,
  decodeCapture,
  entriesToCsv,
  parseCustomDictionary,
  searchTextFor,
} from '../../../electron/shared/decode/index';
import { input, node, sample } from './helpers';
import { instanceSchema } from './instance-schema';

describe('custom dictionaries', () => {
  it('an imported instance schema overrides built-in labels (fields, activities, per-activity attributes)', () => {
    const parsed = parseCustomDictionary(JSON.stringify(instanceSchema), 'ortto-schema');
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(6);
    const custom = compileCustomDictionary(parsed.entries);

    const before = decodeCapture(input(sample('ortto-activity-webhook-subscribed-to-email.json')));
    expect(before.eventLabel).toBe('Subscribed to email');
    expect(node(before, '$.activity.attr["str::is"]').label).toBe('Source');

    const after = decodeCapture(input(sample('ortto-activity-webhook-subscribed-to-email.json')), custom);
    expect(after.eventLabel).toBe('Opted in to email');
    const attr = node(after, '$.activity.attr["str::is"]');
    expect([attr.label, attr.labelSource]).toEqual(['Opt-in source', 'custom']);
    expect(searchTextFor(input(sample('ortto-activity-webhook-subscribed-to-email.json')), custom)).toContain(
      'Opt-in source',
    );
  });

  it('custom activities and display types from the schema (decimal → ÷1000)', () => {
    const custom = compileCustomDictionary(
      parseCustomDictionary(JSON.stringify(instanceSchema), 'auto').entries,
    );
    const r = decodeCapture(input(sample('ortto-journey-webhook-with-activity.SPECULATIVE.json')), custom);
    expect(node(r, '$.activity.field_id').display).toBe('Registered for webinar (act:cm:webinar-registered)');
    expect(node(r, '$.activity.attr["str:cm:webinar-title"]').label).toBe('Webinar');
    const seats = node(r, '$.activity.attr["int:cm:seats"]');
    expect([seats.label, seats.type, seats.display]).toEqual(['Seats booked', 'decimal', '0.002']);
  });

  it('accepts the schema wrapped in {data: "<json>"}', () => {
    const wrapped = JSON.stringify({ statusCode: 200, data: JSON.stringify(instanceSchema) });
    expect(parseCustomDictionary(wrapped, 'ortto-schema').entries).toHaveLength(6);
  });

  it('"Detect format" (auto, json) recognises a recorded instance-schema response, bare or wrapped', () => {
    const schema = {
      namespaces: { '': { fields: { 'str:cm:plan': { name: 'Plan name', display_type: 'text' } } } },
    };
    for (const content of [
      JSON.stringify(schema),
      JSON.stringify({ data: schema }),
      JSON.stringify({ statusCode: 200, headers: {}, data: JSON.stringify(schema) }),
    ]) {
      expect(isInstanceSchema(content)).toBe(true);
      for (const format of ['auto', 'json'] as const)
        expect(parseCustomDictionary(content, format).entries.map((e) => [e.fieldId, e.label])).toEqual([
          ['str:cm:plan', 'Plan name'],
        ]);
    }
    expect(isInstanceSchema('{"data":"not json"}')).toBe(false);
  });

  it('CSV with and without a header; JSON map and list; round trip through CSV', () => {
    const csv = parseCustomDictionary(
      'id,label,activity\nstr:cm:job-title,Role\nstr::lt,Exit page,act::ws\n',
      'csv',
    );
    expect(csv.entries).toEqual([
      { fieldId: 'str:cm:job-title', label: 'Role', activityId: null, displayType: null },
      { fieldId: 'str::lt', label: 'Exit page', activityId: 'act::ws', displayType: null },
    ]);
    expect(parseCustomDictionary('f1584,Membership level', 'csv').entries[0]).toMatchObject({
      fieldId: 'f1584',
      label: 'Membership level',
    });
    expect(
      parseCustomDictionary('{"f1584":"Level","str:cm:x":{"label":"X","display_type":"text"}}', 'json')
        .entries,
    ).toHaveLength(2);
    expect(parseCustomDictionary('[{"fieldId":"a:b:c","label":"Y"}]', 'auto').entries).toHaveLength(1);
    const back = parseCustomDictionary(entriesToCsv(csv.entries), 'csv');
    expect(back.entries).toEqual(csv.entries);
  });

  it('a label that a spreadsheet would run as a formula is exported escaped, and imports back as it was', () => {
    const entries = [
      { fieldId: 'str:cm:a', label: '=HYPERLINK("http://x","y")', activityId: null, displayType: null },
      { fieldId: 'str:cm:b', label: '-1 + 2\nsecond line', activityId: null, displayType: null },
      { fieldId: 'str:cm:c', label: "'quoted already", activityId: null, displayType: null },
      // Labels that start as an escaped cell does: one ' is taken off on import, so the export adds one.
      { fieldId: 'str:cm:d', label: "'=1+1", activityId: null, displayType: null },
      { fieldId: 'str:cm:e', label: "''-5", activityId: null, displayType: null },
    ];
    const csv = entriesToCsv(entries);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`"'-1 + 2`);
    expect(parseCustomDictionary(csv, 'csv').entries).toEqual(entries);
  });

  it('bad rows are skipped with a message naming the row and the field; bad documents throw naming content', () => {
    const r = parseCustomDictionary('id,label\nstr:cm:a,\n,No id\nstr:cm:b,Fine\nstr cm,Space', 'csv');
    expect(r.entries.map((e) => e.fieldId)).toEqual(['str:cm:b']);
    expect(r.skipped).toBe(3);
    expect(r.errors[0]).toMatch(/^row 2: label is missing for str:cm:a/);
    expect(r.errors[1]).toMatch(/^row 3: fieldId is missing/);
    expect(r.errors[2]).toMatch(/contains whitespace/);
    expect(() => parseCustomDictionary('{nope', 'json')).toThrow(/^content: not valid JSON/);
    expect(() => parseCustomDictionary('{"x":1}', 'ortto-schema')).toThrow(/namespaces/);
    const badActivity = parseCustomDictionary(
      '[{"fieldId":"str::x","label":"X","activityId":"nope"}]',
      'json',
    );
    expect(badActivity.errors[0]).toContain('activityId for str::x must be an activity ID');
  });

  it('a header naming the label column "name" is read as a header, not imported as an entry', () => {
    const r = parseCustomDictionary('field_id,name,type\nint:cm:total,Total,currency', 'csv');
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { fieldId: 'int:cm:total', label: 'Total', activityId: null, displayType: 'currency' },
    ]);
  });

  it('a misspelt display type is refused, naming the row and the field, rather than showing money ×1000', () => {
    const r = parseCustomDictionary(
      'id,label,display_type\nint:cm:price,Price,curency\nint:cm:fee,Fee,Currency\nint:cm:total,Total,currency',
      'csv',
    );
    expect(r.entries.map((e) => e.fieldId)).toEqual(['int:cm:total']);
    expect(r.errors[0]).toMatch(
      /^row 2: display_type for int:cm:price: "curency" is not an Ortto display type/,
    );
    expect(r.errors[1]).toMatch(/^row 3: display_type for int:cm:fee: .*lower case: "currency"/);
    const json = parseCustomDictionary('{"int:cm:x":{"label":"X","display_type":"money"}}', 'json');
    expect(json.errors).toEqual([expect.stringMatching(/^"int:cm:x": display_type for int:cm:x: "money"/)]);
    // An instance schema is Ortto's own word: a display type this list lacks is kept.
    const schema = parseCustomDictionary(
      JSON.stringify({
        namespaces: {
          cm: { fields: { 'str:cm:x': { id: 'str:cm:x', name: 'X', display_type: 'new_kind' } } },
        },
      }),
      'ortto-schema',
    );
    expect(schema.entries.map((e) => e.displayType)).toEqual(['new_kind']);
  });

  it('a per-activity custom label applies only inside that activity', () => {
    const custom = compileCustomDictionary([
      { fieldId: 'str::lt', label: 'Exit page', activityId: 'act::ws', displayType: null },
    ]);
    const ws = decodeCapture(
      input(
        JSON.stringify({
          activity: { field_id: 'act::ws', attr: { 'str::lt': 'Pricing' } },
          contact: { 'str::lt': 'UTC' },
          webhook_id: 'w',
        }),
      ),
      custom,
    );
    expect(node(ws, '$.activity.attr["str::lt"]').label).toBe('Exit page');
    expect(node(ws, '$.contact["str::lt"]').label).toBe('Last timezone');
  });

  it('a custom label for a person field does not rename an attribute the same ID means something else in', () => {
    const custom = compileCustomDictionary([
      { fieldId: 'str::lt', label: 'Time zone last seen', activityId: null, displayType: null },
      { fieldId: 'int::v', label: 'Lifetime revenue', activityId: null, displayType: null },
      { fieldId: 'geo::city', label: 'Town', activityId: null, displayType: null },
    ]);
    const body = JSON.stringify({
      activity: {
        field_id: 'act::ws',
        attr: { 'str::lt': 'Pricing', 'int::v': 15300, 'geo::city': { name: 'Paris' } },
      },
      contact: { 'str::lt': 'Europe/Paris', 'int::v': 99000 },
      webhook_id: 'w',
    });
    const r = decodeCapture(input(body), custom);
    const label = (path: string) => [node(r, path).label, node(r, path).labelSource];
    expect(label('$.activity.attr["str::lt"]')).toEqual(['Last page title', 'activity']);
    expect(label('$.activity.attr["int::v"]')).toEqual(['Value', 'activity']);
    // The same meaning in both places: the custom label applies.
    expect(label('$.activity.attr["geo::city"]')).toEqual(['Town', 'custom']);
    expect(label('$.contact["str::lt"]')).toEqual(['Time zone last seen', 'custom']);
    expect(label('$.contact["int::v"]')).toEqual(['Lifetime revenue', 'custom']);
    expect(searchTextFor(input(body), custom)).toContain('Last page title');
  });

  it('Ontraport custom fields take custom names', () => {
    const custom = compileCustomDictionary([
      { fieldId: 'f1584', label: 'Membership level', activityId: null, displayType: null },
    ]);
    const r = decodeCapture(input(sample('ontraport-sub-tag-notify.json')), custom);
    expect(node(r, '$.data.f1584').label).toBe('Membership level');
  });

  it('a custom label wins over a built-in Ontraport contact field, which keeps its formatting', () => {
    const custom = compileCustomDictionary([
      { fieldId: 'firstname', label: 'Given name', activityId: null, displayType: null },
      { fieldId: 'date', label: 'Joined', activityId: null, displayType: null },
    ]);
    const r = decodeCapture(input(sample('ontraport-sub-tag-notify.json')), custom);
    const plain = decodeCapture(input(sample('ontraport-sub-tag-notify.json')));
    expect(node(r, '$.data.firstname')).toMatchObject({ label: 'Given name', labelSource: 'custom' });
    expect(node(r, '$.data.date').label).toBe('Joined');
    expect(node(r, '$.data.date').type).toBe(node(plain, '$.data.date').type);
  });
});
