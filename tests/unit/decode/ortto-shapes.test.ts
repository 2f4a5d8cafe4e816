import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCapture, decodeCapture, sourceText } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('Ortto shapes beyond the samples', () => {
  it('the Test button payload (act::test_webhook) is the Ortto test webhook', () => {
    const body = JSON.stringify({
      activity: { id: 't', field_id: 'act::test_webhook', created: '2023-10-03T04:11:23Z', attr: {} },
      contact: { contact_id: 'c', email: 'test@example.com' },
      id: 'e',
      time: '2023-10-03T04:11:24Z',
      webhook_id: 'w',
    });
    const r = decodeCapture(input(body));
    expect([r.vendor, r.eventLabel, r.recognition?.kind]).toEqual(['Ortto', 'Test webhook', 'ortto-test']);
    expect(r.recognition?.explanation).toContain('Test button');
    expect(sourceText(r.vendor, r.eventLabel)).toBe('Ortto · Test webhook');
  });

  it('the list names an unknown built-in or account activity by its ID, an unknown custom one by its name', () => {
    const activity = (fieldId: string) =>
      JSON.stringify({
        activity: { id: 'a', field_id: fieldId, created: '2023-10-03T04:11:23Z', attr: {} },
        contact: { contact_id: 'c', email: 'x@example.com' },
        webhook_id: 'w',
      });
    expect(classifyCapture(input(activity('act::s-ce')))).toEqual({
      vendor: 'Ortto',
      eventLabel: 'act::s-ce',
    });
    expect(classifyCapture(input(activity('act:o:xyz')))).toEqual({
      vendor: 'Ortto',
      eventLabel: 'act:o:xyz',
    });
    expect(classifyCapture(input(activity('act:cm:signed-up')))).toEqual({
      vendor: 'Ortto',
      eventLabel: 'Signed up',
    });
    expect(classifyCapture(input(activity('act::c')))).toEqual({
      vendor: 'Ortto',
      eventLabel: 'Clicked email',
    });
    // The detail view still shows what the ID reads as, beside the ID.
    expect(node(decodeCapture(input(activity('act::s-ce'))), '$.activity.field_id').display).toBe(
      'S ce (act::s-ce)',
    );
  });

  it("keys inside an activity's object attribute keep the activity's own labels", () => {
    const body = JSON.stringify({
      activity: {
        id: 'a',
        field_id: 'act::ws',
        created: '2023-10-03T04:11:23Z',
        attr: { 'obj::s': { 'str::lt': 'Pricing', 'str::is': 'ads', deeper: { 'str::lt': 'Home' } } },
      },
      webhook_id: 'w',
    });
    const r = decodeCapture(input(body));
    expect(node(r, '$.activity.attr["obj::s"]["str::lt"]').label).toBe('Last page title');
    expect(node(r, '$.activity.attr["obj::s"].deeper["str::lt"]').label).toBe('Last page title');
    // act::ws has no label of its own for str::is: the person field's, not the generic attribute's ("Source").
    expect(node(r, '$.activity.attr["obj::s"]["str::is"]').label).toBe('Initial source');
  });

  it('account activities (act:o:) and account fields', () => {
    const body = JSON.stringify({
      activity: {
        id: 'a',
        field_id: 'act:o:c',
        created: '2023-10-03T04:11:23Z',
        attr: { 'str::cn': 'Q4 ABM', 'str::c': 'https://example.com/x' },
      },
      account: { 'str:o:name': 'Acme', 'int:o:employees': 120, 'geo:o:city': { name: 'Sydney' } },
      webhook_id: 'w',
    });
    const r = decodeCapture(input(body));
    expect(sourceText(r.vendor, r.eventLabel)).toBe('Ortto · Account: Clicked email');
    expect(node(r, '$.activity.attr["str::cn"]').label).toBe('Campaign name');
    expect(node(r, '$.account["str:o:name"]').label).toBe('Name');
    expect(node(r, '$.account["int:o:employees"]').display).toBe('120');
    expect(node(r, '$.account["geo:o:city"]').display).toBe('Sydney');
  });

  it('transactional flag, tags and tag ids in a tag activity', () => {
    const body = JSON.stringify({
      activity: {
        field_id: 'act::ta',
        attr: { 'u4s::t': [12, 34], 'sst::t': ['vip', 'trial'], 'str::ts': 'API', 'bol::t': true },
      },
      webhook_id: 'w',
    });
    const r = decodeCapture(input(body));
    expect(classifyCapture(input(body))).toEqual({ vendor: 'Ortto', eventLabel: 'Tag added' });
    expect([
      node(r, '$.activity.attr["u4s::t"]').label,
      node(r, '$.activity.attr["u4s::t"]').display,
    ]).toEqual(['Tag IDs', '12, 34']);
    expect([
      node(r, '$.activity.attr["sst::t"]').label,
      node(r, '$.activity.attr["sst::t"]').display,
    ]).toEqual(['Tags', 'vip, trial']);
    expect(node(r, '$.activity.attr["bol::t"]').display).toBe('true');
  });

  it('unknown built-in field IDs get a label from their parts and a warning; an unknown activity keeps its ID', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({ activity: { field_id: 'act::zz', attr: { 'str::zz-top': 'x' } }, webhook_id: 'w' }),
      ),
    );
    expect(r.eventLabel).toBe('act::zz');
    const n = node(r, '$.activity.attr["str::zz-top"]');
    expect([n.label, n.labelSource]).toEqual(['Zz top (text field)', 'grammar']);
    expect(n.warnings.map((w) => [w.code, w.severity])).toEqual([['unknown-id', 'warning']]);
  });

  it('suspicious values are flagged where they sit', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          activity: {
            field_id: 'act::ws',
            attr: {
              'int::v': '15300',
              'tme::x': 'soon',
              'geo::city': { name: 'X', lat: 95_000_000, lng: 0 },
            },
          },
          webhook_id: 'w',
        }),
      ),
    );
    expect(node(r, '$.activity.attr["int::v"]').warnings.map((w) => w.message)).toEqual([
      'Number sent as a string.',
    ]);
    expect(node(r, '$.activity.attr["tme::x"]').warnings.some((w) => w.code === 'suspicious-value')).toBe(
      true,
    );
    expect(node(r, '$.activity.attr["geo::city"]').warnings[0]!.message).toMatch(/out of range/);
  });
});

describe('the committed dictionary is what the build script produces', () => {
  const root = join(import.meta.dirname, '../../..');
  const sources =
    existsSync(join(root, '../shared/reference/ortto-fields.json')) &&
    existsSync(join(root, '../shared/seeds/004_3afcbc29e3f9550a.txt'));
  it.skipIf(!sources)('tsx scripts/build-dictionary.ts --check (skipped when ../shared is absent)', () => {
    const out = execFileSync(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/build-dictionary.ts', '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out).toContain('dictionary up to date');
  });
});
