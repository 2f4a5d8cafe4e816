import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const mergeWarnings = (r: ReturnType<typeof decodeCapture>) =>
  r.warnings.filter((w) => w.code === 'unresolved-merge-field');

describe('brackets alone are not Ontraport merge fields', () => {
  it('a GitHub issue with "[Bug]" and a markdown link is not classified as Ontraport and gets no merge warnings', () => {
    const body = JSON.stringify({
      action: 'opened',
      issue: { title: '[Bug] Crash on save', body: 'See [docs](https://x)' },
    });
    const i = input(body, 'application/json');
    i.headers.push(['X-GitHub-Event', 'issues']);
    const r = decodeCapture(i);
    expect(r.vendor).toBeNull();
    expect(r.candidates).toEqual([]);
    expect(mergeWarnings(r)).toEqual([]);
    expect(node(r, '$.issue.title').warnings).toEqual([]);
    expect(classifyCapture(i)).toEqual({ vendor: null, eventLabel: null });
  });

  it('plain text, XML and form values with a tag in brackets are not Ontraport either', () => {
    for (const [body, ct] of [
      ['[WARN] disk almost full', 'text/plain'],
      ['<issue><title>[Bug] Crash</title></issue>', 'application/xml'],
      ['subject=%5BRelease%5D+v1.2+is+out&id=4', 'application/x-www-form-urlencoded'],
    ] as const) {
      const r = decodeCapture(input(body, ct));
      expect([body, r.vendor]).toEqual([body, null]);
      expect(mergeWarnings(r)).toEqual([]);
    }
  });

  it('still recognised with Ontraport evidence: a contact merge name, label=[Merge Field] post data, field names', () => {
    const cases: [string, string, string][] = [
      ['{"note":"Hi [First Name], thanks"}', 'application/json', '[First Name]'],
      ['Plan=[Membership Level]&source=site', 'application/x-www-form-urlencoded', '[Membership Level]'],
      ['Plan=[Membership Level], [Tier]', 'application/x-www-form-urlencoded', '[Membership Level]'],
      ['{"contact_id":"8","note":"[Bug] report"}', 'application/json', '[Bug]'],
    ];
    for (const [body, ct, merge] of cases) {
      const r = decodeCapture(input(body, ct));
      expect([body, r.vendor, r.eventLabel]).toEqual([
        body,
        'Ontraport',
        'Send a webhook (unresolved merge fields)',
      ]);
      expect(mergeWarnings(r)[0]!.message).toContain(merge);
    }
  });
});
