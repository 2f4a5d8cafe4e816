import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';

// A JSON row's "\ud800" is a lone surrogate, on which encodeURIComponent throws: building the request threw
// "URI malformed" out of the composer for an API key sent in the query and filled from such a row.
describe('an API key in the query filled with a lone surrogate', () => {
  it('is percent-encoded as U+FFFD, as merge fields in the URL are, instead of throwing', () => {
    const built = buildOutgoing(
      {
        method: 'GET',
        url: 'http://127.0.0.1:8080/hook',
        headers: [],
        auth: { kind: 'apikey', in: 'query', pairs: [['key [Name]', '[Token]']] },
        bodyMode: 'text',
        body: '',
      },
      { Token: 'a\ud800b', Name: '\udc00' },
    );
    expect(built.url).toBe('http://127.0.0.1:8080/hook?key%20%EF%BF%BD=a%EF%BF%BDb');
    expect(built.errors).toEqual([]);
  });
});
