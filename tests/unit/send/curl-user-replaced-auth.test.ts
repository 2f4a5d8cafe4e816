import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

const passwordWarning = expect.stringMatching(/^-u mary: .*password/);

// The empty password of `-u mary` is only worth a warning while its Authorization header is the one sent.
describe('the no-password warning of -u when another option or header decides Authorization', () => {
  it.each([
    ["-u mary -H 'Authorization: Bearer t'", [['Authorization', 'Bearer t']]],
    ["-H 'Authorization: Bearer t' -u mary", [['Authorization', 'Bearer t']]],
    ["-u mary -H 'Authorization:'", []],
    ['-u mary --oauth2-bearer t', [['Authorization', 'Bearer t']]],
    ['-u mary -u mary:pw', [['Authorization', `Basic ${btoa('mary:pw')}`]]],
  ])('gives none for curl %s, whose -u header is not sent', (options, headers) => {
    const parsed = parseCurl(`curl https://x.test/a ${options}`);
    expect(parsed.headers).toEqual(headers);
    expect(parsed.warnings).toEqual([]);
  });

  it.each(['--oauth2-bearer t -u mary', "-u mary -H 'X-Other: 1'"])(
    'keeps it for curl %s, whose -u header is sent',
    (options) => {
      const parsed = parseCurl(`curl https://x.test/a ${options}`);
      expect(parsed.headers).toContainEqual(['Authorization', `Basic ${btoa('mary:')}`]);
      expect(parsed.warnings).toContainEqual(passwordWarning);
    },
  );
});
