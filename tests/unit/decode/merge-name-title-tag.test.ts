import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

// "[Website]" names an Ontraport contact field, but "[Website] Broken link…" is how an issue title is tagged: a
// GitHub issue webhook was labelled Ontraport "Send a webhook (unresolved merge fields)", with a warning on its title.
const issue = {
  action: 'opened',
  issue: { number: 12, title: '[Website] Broken link on pricing page', state: 'open' },
  repository: { full_name: 'acme/site' },
};

describe('a bracketed field name that tags a title', () => {
  it('does not make a JSON webhook Ontraport', () => {
    const body = JSON.stringify(issue);
    const r = decodeCapture(input(body));
    expect(r.vendor).toBeNull();
    expect(r.warnings.filter((w) => w.code === 'unresolved-merge-field')).toEqual([]);
    expect(classifyCapture(input(body)).vendor).toBeNull();
  });

  it('nor the same JSON sent as a form field (payload=…)', () => {
    const body = `payload=${encodeURIComponent(JSON.stringify(issue))}`;
    expect(decodeCapture(input(body, 'application/x-www-form-urlencoded')).vendor).toBeNull();
  });

  it('merge fields where values go still say Ontraport', () => {
    for (const [body, type] of [
      ['Hello [First Name], welcome', 'text/plain'],
      ['{"contact":{"first":"[First Name]","email":"m@example.com"}}', 'application/json'],
      ['{"note":"Call [First Name] [Last Name] about [Website] today"}', 'application/json'],
    ] as const)
      expect(decodeCapture(input(body, type)).vendor, body).toBe('Ontraport');
  });
});
