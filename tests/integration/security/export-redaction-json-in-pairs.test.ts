import { describe, expect, it } from 'vitest';
import { useRedactionApp, withDecodedBodies, type CaptureExportFormat } from '../../helpers/redaction-app';

// Slack's interactive callbacks are a form with one field, `payload`, holding JSON with the app's verification
// `token`; a redacted export hides the secret fields of JSON carried in a form or query value.
const formats = ['har', 'jsonl', 'json', 'curl'] as const;
const { capture, ...r } = useRedactionApp();

/** The export with every body and URL decoded as far as a reader would (base64, then percent-encoding). */
async function exported(id: number, format: CaptureExportFormat): Promise<string> {
  return decodeURIComponent(withDecodedBodies(await r.exported([id], format), format).replace(/\+/g, ' '));
}

const payload = JSON.stringify({
  type: 'block_actions',
  token: 'SLACKTOKEN1',
  team: { id: 'T0001', domain: 'team-visible' },
  response_url: 'https://hooks.example.com/actions?sig=SLACKSIG2',
});

describe('a redacted export hides the secret fields of JSON inside a pair', () => {
  it.each(formats)('%s: a form field', async (format) => {
    const id = await capture(
      '/slack',
      [['Content-Type', 'application/x-www-form-urlencoded']],
      `payload=${encodeURIComponent(payload)}`,
    );
    const content = await exported(id, format);
    expect(content).not.toContain('SLACKTOKEN1');
    expect(content).not.toContain('SLACKSIG2');
    expect(content).toContain('team-visible');
    expect(content).toContain('block_actions');
  });

  it.each(formats)('%s: a query parameter', async (format) => {
    const id = await capture(`/slack?payload=${encodeURIComponent(payload)}`, [], '');
    const content = await exported(id, format);
    expect(content).not.toContain('SLACKTOKEN1');
    expect(content).toContain('team-visible');
  });
});

describe('a redacted export hides the secret fields of JSON inside a JSON string', () => {
  // Amazon SNS delivers the message as a JSON string in `Message`; others send a `data` field as text.
  const body = JSON.stringify({
    Type: 'Notification',
    Message: JSON.stringify({
      event: 'order.paid',
      api_key: 'SNSKEY3',
      nested: JSON.stringify({ password: 'SNSPW4' }),
    }),
    Subject: 'subject-visible',
  });

  it.each(formats)('%s: a JSON body', async (format) => {
    const id = await capture('/sns', [['Content-Type', 'application/json']], body);
    const content = await exported(id, format);
    expect(content).not.toContain('SNSKEY3');
    expect(content).not.toContain('SNSPW4');
    expect(content).toContain('order.paid');
    expect(content).toContain('subject-visible');
  });

  it.each(formats)('%s: a JSON body cut off', async (format) => {
    const id = await capture('/sns', [['Content-Type', 'application/json']], body.slice(0, -30));
    const content = await exported(id, format);
    expect(content).not.toContain('SNSKEY3');
    expect(content).toContain('order.paid');
  });
});
