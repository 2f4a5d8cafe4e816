import { describe, expect, it } from 'vitest';
import { redactWebhook } from '../../../electron/engine/delivery/webhook-export-redaction';

// A value that is wholly a `{{variable}}` reference holds no secret (the environment does): a saved webhook export
// keeps it in a JSON, XML or multipart body as in a form body, and still hides a secret typed in beside it.
const exported = (contentType: string, body: string) =>
  redactWebhook({
    url: 'https://hooks.example/in',
    headers: [['Content-Type', contentType]],
    body,
    options: {},
  }).body;

describe('a redacted saved webhook export keeps {{variables}} in every body format', () => {
  it('JSON: a string that is a {{variable}} is kept, a typed secret hidden', () => {
    expect(exported('application/json', '{"api_key":"{{partnerKey}}","password":"TYPEDSECRET1","n":1}')).toBe(
      '{"api_key":"{{partnerKey}}","password":"[redacted]","n":1}',
    );
  });

  it('JSON with an unquoted {{variable}} (not JSON until it is filled in): kept, a typed secret hidden', () => {
    expect(exported('application/json', '{"api_key": {{partnerKey}}, "token": "TYPEDSECRET2"}')).toBe(
      '{"api_key": {{partnerKey}}, "token": "[redacted]"}',
    );
  });

  it('XML: an element or attribute that is a {{variable}} is kept, a typed secret hidden', () => {
    expect(
      exported(
        'application/xml',
        '<a token="{{partnerKey}}"><password>{{pw}}</password><api_key>TYPEDSECRET3</api_key></a>',
      ),
    ).toBe('<a token="{{partnerKey}}"><password>{{pw}}</password><api_key>[redacted]</api_key></a>');
  });

  it('multipart: a field that is a {{variable}} is kept, a typed secret hidden', () => {
    const part = (name: string, value: string) =>
      `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part('api_key', '{{partnerKey}}')}${part('password', 'TYPEDSECRET4')}--b--\r\n`;
    expect(exported('multipart/form-data; boundary=b', body)).toBe(
      `${part('api_key', '{{partnerKey}}')}${part('password', '[redacted]')}--b--\r\n`,
    );
  });
});
