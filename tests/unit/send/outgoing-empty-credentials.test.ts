import { describe, expect, it } from 'vitest';
import { buildOutgoing, type AuthConfig } from '../../../electron/shared/send/outgoing';

const build = (auth: AuthConfig, env: Record<string, string> = {}) =>
  buildOutgoing(
    { method: 'POST', url: 'http://127.0.0.1:8080/hook', headers: [], auth, bodyMode: 'text', body: '' },
    {},
    env,
  );

describe('Bearer or Basic auth chosen with nothing filled in', () => {
  it('asks before sending an empty Bearer token, as for an API key with no value', () => {
    expect(build({ kind: 'bearer', token: '' }).warnings).toEqual([
      { field: 'auth.token', message: 'Bearer token is empty' },
    ]);
    expect(build({ kind: 'bearer', token: '{{token}}' }, { token: '' }).warnings).toContainEqual({
      field: 'auth.token',
      message: 'Bearer token is empty',
    });
  });

  it('asks before sending Basic auth with no username and no password', () => {
    expect(build({ kind: 'basic', username: '', password: '' }).warnings).toEqual([
      { field: 'auth', message: 'Basic auth username and password are empty' },
    ]);
  });

  it('sends filled-in credentials without asking', () => {
    expect(build({ kind: 'bearer', token: 't0k' }).warnings).toEqual([]);
    expect(build({ kind: 'basic', username: 'u', password: '' }).warnings).toEqual([]);
    expect(build({ kind: 'basic', username: 'u', password: '' }).headers).toEqual([
      ['Authorization', `Basic ${Buffer.from('u:').toString('base64')}`],
    ]);
  });
});
