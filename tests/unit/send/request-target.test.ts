import { describe, expect, it } from 'vitest';
import { requestTarget } from '../../../electron/shared/send/request-target';

describe('requestTarget', () => {
  it('keeps the path and query as written, without the fragment', () => {
    expect(requestTarget("http://h:1/a/../b/./%2e%2e/{x}?q='1'&r=<2>#frag")).toBe(
      "/a/../b/./%2e%2e/{x}?q='1'&r=<2>",
    );
    expect(requestTarget('HTTPS://u:p@h')).toBe('/');
    expect(requestTarget('http://h?x=1')).toBe('/?x=1');
  });

  it('encodes a target no request line can carry as written, as URL parsing does', () => {
    expect(requestTarget('http://h/a b?q=é')).toBe('/a%20b?q=%C3%A9');
    expect(requestTarget('http://h/a\\..\\b')).toBe('/b');
  });
});
