import { describe, expect, it } from 'vitest';
import type { Har } from 'har-format';
import { useEngineApi } from '../../helpers/engine-api';
import { harOf } from '../../helpers/har';

// HAR 1.2's response.redirectURL is the "redirection target URL from the Location response header"; the export wrote
// '' for every response, so a recorded redirect lost where it pointed in HAR viewers.
const s = useEngineApi();

async function importedRedirect(location: string) {
  const har = harOf({
    path: '/moved',
    method: 'GET',
    response: {
      status: 302,
      headers: [{ name: 'Location', value: location }],
      content: { mimeType: 'text/plain', text: '' },
    },
  });
  expect((await s.api.call('captures.importHar', { har })).imported).toBe(1);
}

const exportedRedirectUrls = async (redact: boolean) =>
  (
    JSON.parse((await s.api.call('captures.export', { format: 'har', redact })).content) as Har
  ).log.entries.map((e) => e.response.redirectURL);

describe('a HAR export of a redirect', () => {
  it('gives its Location as response.redirectURL, and redacts a secret in it as the header is', async () => {
    await importedRedirect('https://example.com/next?token=SECRET1&page=2');
    expect(await exportedRedirectUrls(false)).toEqual(['https://example.com/next?token=SECRET1&page=2']);
    const [redacted] = await exportedRedirectUrls(true);
    expect(redacted).toMatch(/^https:\/\/example\.com\/next\?token=.*&page=2$/);
    expect(redacted).not.toContain('SECRET1');
  });
});
