import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../electron/engine/util/logger';

// Names an export already treats as secret (see captures/redaction.ts); the log must not be the place they leak.
const names = [
  'access_key',
  'private_key',
  'X-Webhook-Key',
  'wpf_pass',
  'pwd',
  'jwt',
  'sig',
  'auth',
  'session',
  'X-Authentication',
];

describe('the log blanks every name an export treats as secret', () => {
  it.each(names)('%s as a header line, a JSON key, a query parameter and a field', (name) => {
    const out: string[] = [];
    createLogger((line) => out.push(line)).error(
      `annotator broke on ${name}: SECRET-H, {"${name}":"SECRET-J"} at https://example.com/in?${name}=SECRET-Q&page=2`,
      { request: { [name]: 'SECRET-F', page: 2 } },
    );
    const text = out.join('\n');
    expect(text).not.toContain('SECRET');
    expect(text).toContain('page=2');
  });

  it('keeps ordinary words that merely end like a secret name', () => {
    const text = 'monkey: 1, author: bob, compass=n, https://example.com/?keyboard=us';
    expect(redactText(text)).toBe(text);
  });
});
