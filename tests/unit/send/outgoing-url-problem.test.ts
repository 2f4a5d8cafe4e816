import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';

const urlErrors = (url: string) =>
  buildOutgoing({ method: 'POST', url, headers: [], auth: { kind: 'none' }, bodyMode: 'text', body: '' }, {})
    .errors.filter((e) => e.field === 'url')
    .map((e) => e.message);

describe("the composer's URL error says what is wrong with it", () => {
  it('asks for http:// only when it is missing: localhost:3000 is a host, not a scheme', () => {
    // Was: 'URL scheme "localhost" is not supported (use http or https)'.
    expect(urlErrors('localhost:3000/hook')).toEqual([
      'URL "localhost:3000/hook" is not valid (include http:// or https://)',
    ]);
    expect(urlErrors('example.com/hook')).toEqual([
      'URL "example.com/hook" is not valid (include http:// or https://)',
    ]);
  });

  it('names the port or host of a URL that has http:// already (it was told to include it)', () => {
    expect(urlErrors('http://localhost:99999/hook')).toEqual([
      'URL "http://localhost:99999/hook" has port "99999", which is not a port number (0 to 65535)',
    ]);
    expect(urlErrors('https://api.example.com:80a/')).toEqual([
      'URL "https://api.example.com:80a/" has port "80a", which is not a port number (0 to 65535)',
    ]);
    expect(urlErrors('http://my host.test/hook')).toEqual([
      'URL "http://my host.test/hook" has host "my host.test", which is not a valid host name',
    ]);
    expect(urlErrors('http://')).toEqual(['URL "http://" has no host']);
  });

  it('still refuses another scheme by name and takes a good URL', () => {
    expect(urlErrors('ftp://files.example.com/x')).toEqual([
      'URL scheme "ftp" is not supported (use http or https)',
    ]);
    expect(urlErrors('HTTPS://[::1]:8443/ok')).toEqual([]);
  });
});
