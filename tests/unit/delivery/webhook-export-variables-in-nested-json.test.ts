import { describe, expect, it } from 'vitest';
import { redactWebhook } from '../../../electron/engine/delivery/webhook-export-redaction';

// A saved webhook export keeps `{{variables}}` (the environment holds the secret) and redacts JSON carried in a form
// value (Slack's payload={"token":…}) or in a JSON string (SNS's Message). Where the two meet, the JSON inside was
// redacted without the variables rule: payload={"token":"{{slackToken}}"} was written as [redacted], and the import
// asked for a secret to re-enter that was never in the file.
const exported = (contentType: string, body: string) =>
  redactWebhook({
    url: 'https://hooks.example/in',
    headers: [['Content-Type', contentType]],
    body,
    options: {},
  }).body;

describe('a redacted saved webhook export keeps {{variables}} in JSON inside a value', () => {
  it('in a form value: the variable is kept, a typed secret hidden', () => {
    const form = (token: string, password: string) =>
      `payload=${encodeURIComponent(JSON.stringify({ token, password, n: 1 }))}`;
    const body = exported('application/x-www-form-urlencoded', form('{{slackToken}}', 'TYPEDSECRET5'));
    expect(body).not.toContain('TYPEDSECRET5');
    expect(JSON.parse(new URLSearchParams(body).get('payload')!)).toEqual({
      token: '{{slackToken}}',
      password: '[redacted]',
      n: 1,
    });
  });

  it('in a JSON string: the variable is kept, a typed secret hidden', () => {
    const message = JSON.stringify({ api_key: '{{partnerKey}}', secret: 'TYPEDSECRET6' });
    const body = exported('application/json', JSON.stringify({ Message: message }));
    expect(body).not.toContain('TYPEDSECRET6');
    expect(JSON.parse((JSON.parse(body) as { Message: string }).Message)).toEqual({
      api_key: '{{partnerKey}}',
      secret: '[redacted]',
    });
  });
});
