import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../electron/engine/util/logger';

describe('log text redaction', () => {
  it.each([
    ['{"apiKey":"k123","client_secret":"s"}', '{"apiKey":"[redacted]","client_secret":"[redacted]"}'],
    ['body {"password": 42, "name": "bob"}', 'body {"password": "[redacted]", "name": "bob"}'],
    ['{"token":"a\\"b","ok":true}', '{"token":"[redacted]","ok":true}'],
    [
      'connect failed https://bob:hunter2@example.com/x?api_key=abc',
      'connect failed https://bob:[redacted]@example.com/x?api_key=[redacted]',
    ],
    [
      'GET http://example.com:8443/h?page=2&token=t1&x=1#frag failed',
      'GET http://example.com:8443/h?page=2&token=[redacted]&x=1#frag failed',
    ],
    ['authorization: Bearer abc, password=pw1', 'authorization: [redacted], password=[redacted]'],
  ])('%s', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it.each([
    ['{"credentials":{"user":"bob","pw":"SECRET"},"n":1}', '{"credentials":"[redacted]","n":1}'],
    ['{"tokens": ["SECRET1", {"x": "]"}], "ok": true}', '{"tokens": "[redacted]", "ok": true}'],
    ['{"secret":{"a":{"b":"}"}}}', '{"secret":"[redacted]"}'],
  ])('blanks a secret-named object or array whole, so quoted JSON stays JSON: %s', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
    expect(() => JSON.parse(redactText(text))).not.toThrow();
  });

  it('blanks the rest of a cut-off secret value', () => {
    expect(redactText('body was {"password": {"old": "SECRET", "new": "SEC')).toBe(
      'body was {"password": "[redacted]"',
    );
  });

  it('leaves text without secrets alone', () => {
    const text = 'GET https://example.com/hooks?page=2 failed: {"name":"bob","count":3} status: 502';
    expect(redactText(text)).toBe(text);
  });

  it('redacts a logged error message', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).error('delivery failed', {
      error: 'POST https://u:SECRETPW@hooks.example.com/in?signature=SECRETSIG: {"apiKey":"SECRETKEY"}',
    });
    expect(lines.join('\n')).not.toMatch(/SECRET/);
  });
});
