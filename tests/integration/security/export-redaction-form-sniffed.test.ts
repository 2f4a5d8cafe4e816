import { describe, expect, it } from 'vitest';
import { useRedactionApp, withDecodedBodies, type CaptureExportFormat } from '../../helpers/redaction-app';

// The decoder reads `name=value&…` as a form whatever the Content-Type says; a redacted export must hide its secret
// fields just as it does under application/x-www-form-urlencoded.
const formats = ['har', 'jsonl', 'json', 'curl'] as const;
const r = useRedactionApp();
const capture = (headers: Array<[string, string]>, body: string) => r.capture('/hook', headers, body);
const exported = async (id: number, format: CaptureExportFormat) =>
  withDecodedBodies(await r.exported([id], format), format);

describe('a redacted export hides the secret fields of a form body', () => {
  const cases: Array<[string, Array<[string, string]>]> = [
    ['sent with no Content-Type', []],
    ['sent as text/plain', [['Content-Type', 'text/plain']]],
  ];
  for (const [label, headers] of cases)
    it.each(formats)(`%s: ${label}`, async (format) => {
      const id = await capture(
        headers,
        'wpf_action=update&access_key=SNIFFKEY1&password=SNIFFPW2&contact_id=8',
      );
      const content = await exported(id, format);
      expect(content).not.toContain('SNIFFKEY1');
      expect(content).not.toContain('SNIFFPW2');
      expect(content).toContain('contact_id=8');
      expect(content).toContain('wpf_action=update');
    });

  it.each(formats)('%s: plain text that is no form is kept as sent', async (format) => {
    const id = await capture([['Content-Type', 'text/plain']], 'the password is not here = fine');
    expect(await exported(id, format)).toContain('the password is not here = fine');
  });
});
