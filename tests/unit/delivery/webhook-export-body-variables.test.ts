import { describe, expect, it } from 'vitest';
import { redactWebhook } from '../../../electron/engine/delivery/webhook-export-redaction';

// A saved webhook export keeps `{{variables}}` (the environment holds the secret), in a form body as in the URL and
// headers; a secret typed into the body is still redacted.
describe('a redacted saved webhook export of a form body', () => {
  it.each([
    [
      'with a form Content-Type',
      [['Content-Type', 'application/x-www-form-urlencoded']] as Array<[string, string]>,
    ],
    ['with no Content-Type', [] as Array<[string, string]>],
  ])('%s keeps {{variables}} and hides typed secrets', (_, headers) => {
    const webhook = redactWebhook({
      url: 'https://hooks.example/in',
      headers,
      body: 'api_key={{partnerKey}}&password=TYPEDSECRET1&contact_id=[Contact ID]',
      options: {},
    });
    expect(webhook.body).toBe('api_key={{partnerKey}}&password=%5Bredacted%5D&contact_id=[Contact ID]');
  });
});
