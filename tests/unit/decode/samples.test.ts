import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCapture, decodeCapture, searchTextFor } from '../../../electron/shared/decode/index';
import { fixturesDir, input, node, sample, samplesDir } from './helpers';

const form = 'application/x-www-form-urlencoded';

describe('samples: Ortto', () => {
  it('activity webhook (act::s-all) is recognised and every key is labelled', () => {
    const r = decodeCapture(input(sample('ortto-activity-webhook-subscribed-to-email.json')));
    expect(r.vendor).toBe('Ortto');
    expect(r.eventLabel).toBe('Subscribed to email');
    expect(r.recognition?.kind).toBe('ortto-activity');
    expect(r.recognition?.confidence).toBeGreaterThanOrEqual(0.9);
    const expectations: [string, string, string][] = [
      ['$.activity.field_id', 'Activity', 'Subscribed to email (act::s-all)'],
      ['$.activity.id', 'Activity ID', '00651b946bfef7e80478efee'],
      ['$.activity.created', 'Occurred at', '2023-10-03 04:11:23 UTC'],
      ['$.activity.attr["str::is"]', 'Source', 'API'],
      ['$.activity.attr["str::s-ctx"]', 'Subscribe Context', 'Subscribed via API'],
      ['$.contact.contact_id', 'Person ID', '00651b946baa9be6b2edad00'],
      ['$.contact.email', 'Email', 'alex@example.com'],
      ['$.id', 'Event ID', '00651b946cef87c7af64f4f3'],
      ['$.time', 'Sent at', '2023-10-03 04:11:24.25726779 UTC'],
      ['$.webhook_id', 'Webhook ID', '651b8aec8002153e16319fd3'],
    ];
    for (const [path, label, display] of expectations) {
      const n = node(r, path);
      expect([path, n.label, n.display]).toEqual([path, label, display]);
    }
    expect(r.warnings).toEqual([]);
  });

  it('journey webhook is recognised from its locked fields', () => {
    const r = decodeCapture(input(sample('ortto-journey-webhook.json')));
    expect([r.vendor, r.eventLabel, r.recognition?.kind]).toEqual([
      'Ortto',
      'Journey/playbook webhook (Notify CRM)',
      'ortto-journey',
    ]);
    expect(node(r, '$.campaign_name').label).toBe('Campaign name');
    expect(node(r, '$.campaign_name').display).toBe('Trial onboarding');
    expect(node(r, '$.shape_title').display).toBe('Notify CRM');
    expect(node(r, '$.run_id').label).toBe('Journey run ID');
    expect(node(r, '$.time').display).toBe('2025-03-14 09:30:02.11873112 UTC');
  });

  it('journey webhook with a custom activity decodes the activity attributes', () => {
    const r = decodeCapture(input(sample('ortto-journey-webhook-with-activity.SPECULATIVE.json')));
    expect(r.recognition?.kind).toBe('ortto-journey');
    expect(r.recognition?.explanation).toContain('act:cm:webinar-registered');
    expect(node(r, '$.activity.field_id').display).toBe('Webinar registered (act:cm:webinar-registered)');
    const attr = (id: string) => node(r, `$.activity.attr[${JSON.stringify(id)}]`);
    expect([attr('str:cm:webinar-title').label, attr('str:cm:webinar-title').display]).toEqual([
      'Webinar title (custom text field)',
      'Getting started with journeys',
    ]);
    expect(attr('tme:cm:starts-at').display).toBe('2025-03-20 23:00:00 UTC');
    expect(attr('int:cm:seats').display).toBe('2');
    expect(attr('int::v').display).toBe('49.50');
    expect(attr('bol:cm:first-time').display).toBe('true');
    expect(attr('str:cm:webinar-title').warnings.map((w) => [w.code, w.severity])).toEqual([
      ['unknown-id', 'info'],
    ]);
  });
});

const ontraportCases: [string, string, string, string][] = [
  ['ontraport-sub-tag-lightweight', 'Tag added (4)', 'lightweight', 'sub_tag'],
  ['ontraport-sub-tag-notify', 'Tag added (4)', 'notify', 'sub_tag'],
  ['ontraport-unsub-tag-lightweight', 'Tag removed (4)', 'lightweight', 'unsub_tag'],
  ['ontraport-object-submits-form-lightweight', 'Form submitted (12)', 'lightweight', 'object_submits_form'],
  ['ontraport-object-create-notify', 'Contact created (0)', 'notify', 'object_create'],
];

describe('samples: Ontraport subscriptions, JSON and form', () => {
  for (const [name, label, format, type] of ontraportCases) {
    for (const [ext, ct, enc] of [
      ['.json', 'application/json', 'JSON'],
      ['.form.txt', form, 'form-encoded'],
    ] as const) {
      it(`${name}${ext} → Ontraport · ${label}`, () => {
        const r = decodeCapture(input(sample(`${name}${ext}`), ct));
        expect(r.vendor).toBe('Ontraport');
        expect(r.eventLabel).toBe(label);
        expect(r.recognition?.explanation).toContain(`${format} format`);
        expect(r.recognition?.explanation).toContain(enc);
        expect(node(r, '$.event.type').display).toContain(`(${type})`);
        expect(node(r, '$.timestamp').display).toBe('2018-01-03 00:42:20 UTC');
        expect(node(r, '$.object_type_id').display).toBe('Contact (0)');
        expect(node(r, '$.data.id').label).toBe('Contact ID');
        expect(classifyCapture(input(sample(`${name}${ext}`), ct))).toEqual({
          vendor: 'Ontraport',
          eventLabel: label,
        });
      });
    }
  }

  it('notify carries custom fields fNNNN and empty values', () => {
    const r = decodeCapture(input(sample('ontraport-sub-tag-notify.form.txt'), form));
    expect(node(r, '$.data.f1584').label).toBe('Custom field f1584');
    expect(node(r, '$.data.contact_cat').label).toBe('Tags');
    expect(node(r, '$.data.dlm').label).toBe('Date last modified');
    expect(node(r, '$.data.firstname').display).toBe('(empty)');
  });

  it('lightweight values are decoded', () => {
    const r = decodeCapture(input(sample('ontraport-sub-tag-lightweight.form.txt'), form));
    expect(node(r, '$.data.email').display).toBe('mary@example.com');
    expect(node(r, '$.data.firstname').display).toBe('Mary');
    expect(node(r, '$.event.tag_id').label).toBe('Tag ID');
  });
});

/** The ping-url sample is a whole HTTP request; split it into parts. */
export function parseHttpSample(text: string) {
  const lines = text.split('\n').filter((l) => !l.startsWith('#'));
  const [requestLine, ...rest] = lines;
  const blank = rest.indexOf('');
  const headers = rest
    .slice(0, blank)
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
  const body = rest
    .slice(blank + 1)
    .join('\n')
    .trim();
  const target = requestLine!.split(' ')[1]!;
  const q = target.indexOf('?');
  return {
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body,
  };
}

describe('samples: Ontraport "Send a webhook" to WP Fusion', () => {
  const req = parseHttpSample(readFileSync(join(fixturesDir, 'ontraport-ping-url-form-body.txt'), 'utf8'));
  const r = decodeCapture({ ...input(req.body, form, req.query), path: req.path, headers: req.headers });

  it('is a WP Fusion request carrying Ontraport post data', () => {
    expect(r.vendor).toBe('WP Fusion');
    expect(r.eventLabel).toBe('Update tags and meta');
    expect(r.candidates.map((c) => c.kind)).toEqual(['wp-fusion', 'ontraport-send-webhook']);
    expect(node(r, 'query.wpf_action').display).toBe('Update tags and meta (update)');
    expect(node(r, 'query.contact_id').display).toBe('8');
    expect(node(r, 'query.access_key').display).not.toContain('ACCESSKEY');
    expect(node(r, '$.firstname').label).toBe('First name');
    expect(node(r, '$.email').display).toBe('mary@example.com');
    expect(r.warnings).toEqual([]);
  });
});

describe('fixtures are the shared samples', () => {
  it.skipIf(!existsSync(samplesDir))(
    'byte-identical to ../shared/reference/samples (skipped when absent)',
    () => {
      const shared = readdirSync(samplesDir).filter(
        (f) => f.startsWith('ortto') || f.startsWith('ontraport'),
      );
      expect(shared.length).toBe(14);
      for (const f of shared)
        expect(readFileSync(join(fixturesDir, f)).equals(readFileSync(join(samplesDir, f))), f).toBe(true);
    },
  );
});

describe('search text', () => {
  it('finds the activity, its labels and IDs', () => {
    const text = searchTextFor(input(sample('ortto-activity-webhook-subscribed-to-email.json')));
    for (const w of [
      'Ortto',
      'Subscribed to email',
      'act::s-all',
      'str::s-ctx',
      'Subscribe Context',
      'Resubscribe globally',
    ])
      expect(text).toContain(w);
  });

  it('an attribute-carrying activity is found by "Campaign name" and "Clicked email"', () => {
    const body = JSON.stringify({
      activity: {
        id: 'a',
        field_id: 'act::c',
        created: '2023-01-16T23:40:54Z',
        attr: { 'str::cn': 'Spring', 'idt::c': 'x' },
      },
      contact: { contact_id: 'c' },
      id: 'e',
      time: '2023-01-16T23:41:18.948713601Z',
      webhook_id: 'w',
    });
    const text = searchTextFor(input(body));
    for (const w of ['Clicked email', 'Campaign name', 'str::cn', 'Campaign ID']) expect(text).toContain(w);
  });

  it('Ontraport tag events are found by "Tag added"', () => {
    expect(searchTextFor(input(sample('ontraport-sub-tag-lightweight.json')))).toContain('Tag added (4)');
  });
});
