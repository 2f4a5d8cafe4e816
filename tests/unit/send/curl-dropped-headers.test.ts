import { describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../electron/shared/send/curl';

// The sender leaves out headers bound to the connection (TE, Proxy-*, …); a pasted one is named, not dropped unsaid.
describe('cURL paste: a header the sender leaves out is named in a warning', () => {
  it.each([
    ["-H 'TE: trailers'", /^-H TE: not sent — it belongs to the connection/],
    ["-H 'te: gzip'", /^-H te: not sent/],
    ["-H 'Proxy-Authorization: Basic eDp5'", /^-H Proxy-Authorization: not sent — it is meant for a proxy/],
    ["-H 'Proxy-Connection: keep-alive'", /^-H Proxy-Connection: not sent/],
    ["-H 'Connection: close, X-Hop' -H 'X-Hop: 1'", /^-H Connection: not sent/],
  ])('%s', (header, warning) => {
    expect(parseCurl(`curl ${header} -d a=1 https://x.test/hook`).warnings).toContainEqual(
      expect.stringMatching(warning),
    );
  });

  it('names a header its Connection lists, once per name', () => {
    const { warnings } = parseCurl(
      "curl -H 'Connection: X-Hop' -H 'X-Hop: 1' -H 'x-hop: 2' https://x.test/hook",
    );
    expect(warnings).toEqual([
      expect.stringMatching(/^-H Connection: not sent/),
      expect.stringMatching(/^-H X-Hop: not sent/),
    ]);
  });

  it('says nothing of headers that are sent, nor of Host and Content-Length (Hookscope’s own Copy as cURL)', () => {
    const command = toCurl({ method: 'POST', url: 'https://x.test/hook', headers: [['Host', 'y.test']] });
    expect(command).toContain('Content-Length: 0');
    expect(parseCurl(command).warnings).toEqual([]);
    expect(parseCurl("curl -H 'X-Te: 1' -H 'Proxy: no' https://x.test/hook").warnings).toEqual([]);
  });
});
