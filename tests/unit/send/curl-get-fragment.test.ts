import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

describe('parseCurl -G with a URL fragment', () => {
  // curl 7.88 sends `curl -G -d a=1 'http://h/y#frag'` as `GET /y?a=1`: the fragment is never sent.
  it('puts the data in the query, ahead of the fragment', () => {
    expect(parseCurl(`curl -G -d a=1 'https://x.test/y#frag'`).url).toBe('https://x.test/y?a=1#frag');
    expect(parseCurl(`curl -G -d a=1 'https://x.test/y?b=2#frag'`).url).toBe('https://x.test/y?b=2&a=1#frag');
  });

  it('reads a ? inside the fragment as part of the fragment', () => {
    expect(parseCurl(`curl -G -d a=1 'https://x.test/y#frag?z'`).url).toBe('https://x.test/y?a=1#frag?z');
  });
});
