import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

const direct = {
  method: 'POST',
  url: 'https://x.test/hook',
  headers: [['Content-Type', 'application/x-www-form-urlencoded']],
  body: 'a=1',
};

describe('cURL paste: proxy options are ignored, like -k or --cacert (Hookscope sends directly)', () => {
  it.each([
    '--proxy-anyauth',
    '--proxy-basic',
    '--proxy-digest',
    '--proxy-negotiate',
    '--proxy-ntlm',
    '--socks5-basic',
    '--socks5-gssapi',
    '-p',
    '--proxytunnel',
    '--proxy-insecure',
    '--proxy-http2',
  ])('reads a command with -x, -U and %s as the request it sends to the target', (flag) => {
    expect(
      parseCurl(`curl -x http://127.0.0.1:3128 ${flag} -U al:pw -d a=1 https://x.test/hook`),
    ).toMatchObject(direct);
  });

  it.each([
    ['--socks5', '127.0.0.1:1080'],
    ['--socks5-hostname', '127.0.0.1:1080'],
    ['--socks4', '127.0.0.1:1080'],
    ['--preproxy', 'socks5://127.0.0.1:1080'],
    ['--proxy1.0', '127.0.0.1:3128'],
    ['--proxy-header', 'X-Proxy-Only: 1'],
    ['--proxy-cacert', 'proxy-ca.pem'],
    ['--noproxy', 'localhost'],
  ])('skips %s and its value', (flag, value) => {
    expect(parseCurl(`curl ${flag} '${value}' -d a=1 https://x.test/hook`)).toMatchObject(direct);
  });

  it('skips short proxy options run together with others (-sp, -sx URL, -U joined to its value)', () => {
    expect(parseCurl('curl -sp -sx http://127.0.0.1:3128 -Ual:pw -d a=1 https://x.test/hook')).toMatchObject(
      direct,
    );
  });
});
