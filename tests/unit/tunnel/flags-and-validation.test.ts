import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tunnelFlagOptions, validateTunnelFlags } from '../../../electron/cli/commands/tunnel-flags';
import { UsageError } from '../../../electron/cli/io';
import { tunnelHost, tunnelSettings, tunnelSubdomain } from '../../../electron/shared/contract/tunnel';

const parse = (...args: string[]) =>
  validateTunnelFlags(parseArgs({ args, options: tunnelFlagOptions, strict: true }).values);

describe('subdomain validation (before the server is asked)', () => {
  it.each(['abcd', 'my-hooks', 'a1b2c3', 'x'.repeat(63), 'hook-scope-42'])('accepts %s', (name) => {
    expect(tunnelSubdomain.safeParse(name).success).toBe(true);
  });
  it.each([
    ['abc', 'at least 4'],
    ['x'.repeat(64), 'at most 63'],
    ['My-Hooks', 'lowercase'],
    ['my_hooks', 'lowercase'],
    ['-hooks', 'start and end'],
    ['hooks-', 'start and end'],
    ['ab-c', 'at least 6'],
  ])('rejects %s (%s)', (name, why) => {
    const result = tunnelSubdomain.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(why);
  });
});

describe('tunnel host validation', () => {
  it.each(['https://localtunnel.me', 'http://127.0.0.1:3000', 'https://lt.example.com/'])(
    'accepts %s',
    (host) => {
      expect(tunnelHost.safeParse(host).success).toBe(true);
    },
  );
  it.each(['localtunnel.me', 'ftp://x.example', 'https://x.example/path', 'https://x.example/?a=1', ''])(
    'rejects %s',
    (host) => {
      expect(tunnelHost.safeParse(host).success).toBe(false);
    },
  );
  // Only the origin is kept: these used to be accepted and stored without the part after it.
  it.each([
    ['http://user:pw@127.0.0.1:1', /user name and password/],
    ['http://@127.0.0.1:1', /user name and password/],
    ['http://127.0.0.1:1#frag', /#fragment/],
    ['http://127.0.0.1:1/#', /#fragment/],
    ['http://127.0.0.1:1/?', /query/],
    ['http://127.0.0.1:1/?a=1', /query/],
    ['http://127.0.0.1:1/x', /no path/],
    ['http://127.0.0.1:0', /port from 1 to 65535/],
    ['https://lt.example.com:00/', /port from 1 to 65535/],
  ])('refuses %s and says why', (host, why) => {
    const result = tunnelHost.safeParse(host);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(why);
  });
  it('names the field when settings are updated with such a host', () => {
    const result = tunnelSettings.partial().safeParse({ host: 'http://user:pw@127.0.0.1:1' });
    expect(result.error?.issues[0]?.path).toEqual(['host']);
  });
});

describe('hookscope serve tunnel flags', () => {
  it('is off without --tunnel and passes only the options given', () => {
    expect(parse()).toEqual({ enabled: false });
    expect(parse('--tunnel')).toEqual({ enabled: true });
    expect(parse('--tunnel', '--subdomain', 'my-hooks', '--tunnel-host', 'http://127.0.0.1:9000/')).toEqual({
      enabled: true,
      subdomain: 'my-hooks',
      host: 'http://127.0.0.1:9000',
    });
  });

  it('names the flag in every error', () => {
    expect(() => parse('--tunnel', '--subdomain', 'No')).toThrow(UsageError);
    expect(() => parse('--tunnel', '--subdomain', 'No')).toThrow(/^--subdomain: .*got "No"/);
    expect(() => parse('--tunnel', '--tunnel-host', 'lt.example')).toThrow(
      /^--tunnel-host: use an http\(s\) URL/,
    );
    expect(() => parse('--tunnel', '--tunnel-host', 'http://user:pw@127.0.0.1:1')).toThrow(
      /^--tunnel-host: remove the user name and password/,
    );
    expect(() => parse('--subdomain', 'my-hooks')).toThrow('--subdomain: only applies with --tunnel');
    expect(() => parse('--tunnel-host', 'https://lt.example')).toThrow(
      '--tunnel-host: only applies with --tunnel',
    );
  });
});
