import { describe, expect, it } from 'vitest';
import { redactQuery } from '../../../electron/engine/captures/redaction';
import { redactText } from '../../../electron/engine/util/logger';
import { secretName } from '../../../electron/engine/util/secret-names';

// Names judged by the last word of their last part: session ids, run-together keys, bracketed form names, OAuth
// assertions and PKCE verifiers.
const secret = [
  'session_id',
  'sessionid',
  'sessionId',
  'PHPSESSID',
  'JSESSIONID',
  'sessionKey',
  'authkey',
  'user[pass]',
  'data[key]',
  'order[customer][pwd]',
  'client_assertion',
  'code_verifier',
  'oauth_verifier',
];
const harmless = [
  'key_count',
  'monkey',
  'author',
  'compass',
  'keyboard',
  'user[name]',
  'data[keys]',
  'session_count',
];

describe('secret names judged by their last part', () => {
  it.each(secret)('%s is secret in a query and in the log', (name) => {
    expect(secretName.test(name)).toBe(true);
    expect(redactQuery(`${name}=S3CR3T&page=2`)).toBe(`${name}=%5Bredacted%5D&page=2`);
    expect(redactQuery(`${encodeURIComponent(name)}=S3CR3T`)).not.toContain('S3CR3T');
    expect(redactText(`failed at https://example.com/in?${name}=S3CR3T&page=2`)).not.toContain('S3CR3T');
  });

  it.each(harmless)('%s stays', (name) => {
    expect(secretName.test(name)).toBe(false);
    expect(redactQuery(`${name}=visible`)).toBe(`${name}=visible`);
  });

  it('redacts the example from the review', () => {
    expect(redactQuery('session_id=S&authkey=K')).toBe('session_id=%5Bredacted%5D&authkey=%5Bredacted%5D');
  });
});
