import { describe, expect, it } from 'vitest';
import { reminderPageExplanation, tunnelUrlOf } from '../../../electron/engine/tunnel/detect';
import { ProbeRegistry, PROBE_HEADER, PROBE_PATH } from '../../../electron/engine/tunnel/probe';
import type { IncomingCapture } from '../../../electron/engine/context';

const chrome =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('tunnel detection', () => {
  const known = ['https://brave-fox.loca.lt', 'http://old-one.lt.test:4000'];
  it('matches the Host (any case, with or without port) or X-Forwarded-Host against our public URLs', () => {
    expect(tunnelUrlOf([['Host', 'Brave-Fox.loca.lt']], known)).toBe('https://brave-fox.loca.lt');
    expect(tunnelUrlOf([['host', 'old-one.lt.test:4000']], known)).toBe('http://old-one.lt.test:4000');
    expect(
      tunnelUrlOf(
        [
          ['host', '127.0.0.1:8787'],
          ['x-forwarded-host', 'brave-fox.loca.lt'],
        ],
        known,
      ),
    ).toBe('https://brave-fox.loca.lt');
    expect(tunnelUrlOf([['host', '127.0.0.1:8787']], known)).toBeNull();
    expect(tunnelUrlOf([['host', 'brave-fox.loca.lt.evil.example']], known)).toBeNull();
  });

  it('explains the reminder page for browser user agents without the bypass header only', () => {
    expect(reminderPageExplanation([['User-Agent', chrome]])?.explanation).toMatch(/bypass-tunnel-reminder/);
    expect(
      reminderPageExplanation([
        ['User-Agent', chrome],
        ['bypass-tunnel-reminder', '1'],
      ]),
    ).toBeNull();
    expect(reminderPageExplanation([['user-agent', 'Ortto-Webhooks/1.0']])).toBeNull();
    expect(reminderPageExplanation([['user-agent', 'curl/8.5.0']])).toBeNull();
    expect(reminderPageExplanation([])).toBeNull();
  });
});

describe('probe interceptor', () => {
  const probe = (headers: [string, string][], path = PROBE_PATH) =>
    ({ path, headers }) as unknown as IncomingCapture;
  it('swallows only probes carrying a nonce it issued, once, and reports that the receiver saw it', () => {
    const registry = new ProbeRegistry();
    const nonce = registry.issue();
    expect(registry.interceptor(probe([[PROBE_HEADER, 'forged']]))).toBeNull();
    expect(registry.interceptor(probe([[PROBE_HEADER, nonce]], '/other'))).toBeNull();
    const hit = registry.interceptor(probe([['X-Hookscope-Probe', nonce]]));
    expect(hit).toMatchObject({ record: false, response: { status: 200, body: `hookscope-probe ${nonce}` } });
    expect(registry.settle(nonce)).toBe(true);
    expect(registry.interceptor(probe([[PROBE_HEADER, nonce]]))).toBeNull();
    const unseen = registry.issue();
    expect(registry.settle(unseen)).toBe(false);
  });

  it('swallows, once, a probe that reaches the receiver after it timed out (a tunnel that hung, then caught up)', () => {
    const registry = new ProbeRegistry();
    const nonce = registry.issue();
    expect(registry.settle(nonce)).toBe(false);
    // It was filed as a user capture, `GET /__hookscope/tunnel-probe`, after every hiccup of the tunnel.
    expect(registry.interceptor(probe([[PROBE_HEADER, nonce]]))).toMatchObject({ record: false });
    expect(registry.interceptor(probe([[PROBE_HEADER, nonce]]))).toBeNull();
  });
});

describe('bypass header for our own requests to tunnel URLs', () => {
  it('adds bypass-tunnel-reminder only for tunnel targets, once', async () => {
    const { withBypassReminder } = await import('../../../electron/shared/tunnel-bypass');
    const ours = { publicUrls: ['http://abcd.lt.test:4000'] };
    expect(withBypassReminder([['a', '1']], 'http://abcd.lt.test:4000/h/x', ours)).toEqual([
      ['a', '1'],
      ['bypass-tunnel-reminder', '1'],
    ]);
    expect(withBypassReminder([], 'https://someone-else.loca.lt/hook', ours)).toEqual([
      ['bypass-tunnel-reminder', '1'],
    ]);
    expect(withBypassReminder([], 'https://example.com/hook', ours)).toEqual([]);
    expect(withBypassReminder([], 'http://abcd.lt.test:5000/', ours)).toEqual([]);
    expect(withBypassReminder([['Bypass-Tunnel-Reminder', 'x']], 'https://a.loca.lt/', ours)).toEqual([
      ['Bypass-Tunnel-Reminder', 'x'],
    ]);
    expect(withBypassReminder([], 'not a url', ours)).toEqual([]);
  });

  it('adds it for any public URL of the configured tunnel server (its subdomains on its port), never for other hosts', async () => {
    const { withBypassReminder } = await import('../../../electron/shared/tunnel-bypass');
    const hosts = {
      publicUrls: [],
      serverHosts: ['http://lt.example.com:4000', 'https://tunnel.example.org'],
    };
    const bypass = [['bypass-tunnel-reminder', '1']];
    expect(withBypassReminder([], 'http://other.lt.example.com:4000/hook', hosts)).toEqual(bypass);
    expect(withBypassReminder([], 'https://x.TUNNEL.example.org/hook', hosts)).toEqual(bypass);
    expect(withBypassReminder([], 'http://other.lt.example.com:5000/hook', hosts)).toEqual([]);
    expect(withBypassReminder([], 'http://lt.example.com.evil.test:4000/', hosts)).toEqual([]);
    expect(withBypassReminder([], 'http://notlt.example.com:4000/', hosts)).toEqual([]);
    expect(withBypassReminder([], 'https://tunnel.example.org/', hosts)).toEqual([]);
  });
});
