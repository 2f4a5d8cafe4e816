import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

describe('cURL paste: --url-query adds a URL-encoded query piece, as --data-urlencode encodes one', () => {
  it.each([
    ["'a=b c'", 'https://x.test/hook?a=b+c'],
    ["'=b&c'", 'https://x.test/hook?b%26c'],
    ["'b c'", 'https://x.test/hook?b+c'],
    ["'+a=b%20c'", 'https://x.test/hook?a=b%20c'],
  ])('--url-query %s', (value, url) => {
    expect(parseCurl(`curl --url-query ${value} https://x.test/hook`)).toMatchObject({ method: 'GET', url });
  });

  it('appends to the query the URL has, after -G data and before a fragment', () => {
    expect(
      parseCurl("curl -G -d x=1 --url-query 'q=é' --url-query n=2 'https://x.test/hook?k=0#top'").url,
    ).toBe('https://x.test/hook?k=0&x=1&q=%C3%A9&n=2#top');
  });

  it('keeps a body as the body', () => {
    expect(parseCurl('curl --url-query a=1 -d b=2 https://x.test/hook')).toMatchObject({
      method: 'POST',
      url: 'https://x.test/hook?a=1',
      body: 'b=2',
    });
  });

  it.each(['@values.txt', 'name@values.txt'])('refuses %s, naming the option and the file', (value) => {
    expect(() => parseCurl(`curl --url-query ${value} https://x.test/hook`)).toThrow(
      `--url-query ${value}: reads the value from a file`,
    );
  });
});

describe('cURL paste: transport options that do not change the request are ignored with a warning', () => {
  it.each(['--ssl-no-revoke', '--tlsv1.2', '--tlsv1.3', '--show-headers', '--ssl-revoke-best-effort'])(
    '%s',
    (flag) => {
      const parsed = parseCurl(`curl ${flag} -d a=1 https://x.test/hook`);
      expect(parsed).toMatchObject({ method: 'POST', url: 'https://x.test/hook', body: 'a=1' });
      expect(parsed.warnings).toEqual([expect.stringMatching(new RegExp(`^${flag}: ignored`))]);
    },
  );

  it('skips the value of one that takes a value', () => {
    const parsed = parseCurl('curl --pinnedpubkey sha256//abc= https://x.test/hook');
    expect(parsed.url).toBe('https://x.test/hook');
    expect(parsed.warnings).toEqual([expect.stringMatching(/^--pinnedpubkey: ignored/)]);
  });
});
