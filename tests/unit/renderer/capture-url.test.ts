import { describe, expect, it } from 'vitest';
import { captureUrl } from '../../../renderer/src/lib/capture-url';

describe('captureUrl', () => {
  it('is the receiver URL with the path and the raw query as received', () => {
    expect(
      captureUrl({ path: '/h/a', query: 'x=1&x=2&y=%20', publicUrl: null }, 'http://127.0.0.1:8787/'),
    ).toBe('http://127.0.0.1:8787/h/a?x=1&x=2&y=%20');
    expect(captureUrl({ path: '/', query: '', publicUrl: null }, 'http://127.0.0.1:8787')).toBe(
      'http://127.0.0.1:8787/',
    );
  });

  it('uses the public tunnel URL when the capture came through it', () => {
    expect(
      captureUrl({ path: '/hook', query: 'a=b', publicUrl: 'https://abc.loca.lt' }, 'http://127.0.0.1:8787'),
    ).toBe('https://abc.loca.lt/hook?a=b');
  });

  it('escapes a # received in the path or query, so the URL (copied, or composed from) asks for the same target', () => {
    expect(captureUrl({ path: '/frag#x', query: 'y=1#z', publicUrl: null }, 'http://127.0.0.1:8787')).toBe(
      'http://127.0.0.1:8787/frag%23x?y=1%23z',
    );
  });

  it('is the bare origin for OPTIONS * (asterisk form), which asks about the server, not a path', () => {
    expect(captureUrl({ path: '*', query: '', publicUrl: null }, 'http://127.0.0.1:8787/')).toBe(
      'http://127.0.0.1:8787',
    );
  });

  it("puts CONNECT's authority-form target under the origin as a path, as the exports do, not glued to its port", () => {
    const url = captureUrl(
      { path: 'hooks.example.com:443', query: '', publicUrl: null },
      'http://127.0.0.1:8787/',
    );
    expect(url).toBe('http://127.0.0.1:8787/hooks.example.com:443');
    expect(new URL(url).host).toBe('127.0.0.1:8787');
  });
});
