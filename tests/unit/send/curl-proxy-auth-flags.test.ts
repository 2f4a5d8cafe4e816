import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl } from '../../../electron/shared/send/curl';

const pasted = (flag: string) => `curl -x http://127.0.0.1:3128 ${flag} -U al:pw -d a=1 https://x.test/hook`;

describe('cURL paste: proxy authentication flags', () => {
  it.each([
    ['--proxy-anyauth', 'negotiated proxy'],
    ['--proxy-basic', 'proxy Basic'],
    ['--proxy-digest', 'proxy Digest'],
    ['--proxy-negotiate', 'proxy Negotiate (SPNEGO/Kerberos)'],
    ['--proxy-ntlm', 'proxy NTLM'],
    ['--socks5-basic', 'SOCKS5 Basic'],
    ['--socks5-gssapi', 'SOCKS5 GSS-API'],
  ])('refuses %s, naming it and saying proxies are not used for sending', (flag, scheme) => {
    const attempt = () => parseCurl(pasted(flag));
    expect(attempt).toThrow(CurlParseError);
    expect(attempt).toThrow(
      `option ${flag}: ${scheme} authentication is not supported; proxies are not used for sending (-x is ignored), so remove ${flag}`,
    );
  });

  it('still reads the same command without the proxy auth flag, the proxy itself ignored', () => {
    const parsed = parseCurl(pasted(''));
    expect(parsed).toMatchObject({ method: 'POST', url: 'https://x.test/hook', body: 'a=1' });
    expect(parsed.headers.some(([name]) => /^proxy-/i.test(name))).toBe(false);
  });
});
