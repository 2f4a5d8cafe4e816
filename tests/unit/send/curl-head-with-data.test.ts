import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

// curl 7.88 exits 2 ("You can only select one HTTP request method!") for -I with -d, --data-urlencode or --json.
describe('parseCurl -I with data', () => {
  it('refuses -I with a body, naming both options, as curl does', () => {
    for (const command of [
      'curl -I -d a=1 https://x.test',
      'curl -d a=1 -I https://x.test',
      `curl --head --json '{}' https://x.test`,
      'curl -I --data-urlencode a=1 https://x.test',
    ])
      expect(() => parseCurl(command), command).toThrow(/^-I: asks for a HEAD request .*-G/);
  });

  it('keeps -I -G -d: a HEAD request with the data in the query', () => {
    const parsed = parseCurl('curl -I -G -d a=1 https://x.test/p');
    expect([parsed.method, parsed.url, parsed.body]).toEqual(['HEAD', 'https://x.test/p?a=1', null]);
  });
});
