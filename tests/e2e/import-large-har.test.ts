import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { eventually, send, row, useUiSession } from './support/ui';

describe('importing a HAR larger than one API request may be', () => {
  const s = useUiSession();

  it('a 220 MB HAR of 400 entries imports whole through the 200 MB-capped transport', async () => {
    const { page } = s;
    const dir = tempDir();
    try {
      // Entries 0–199 are tiny, 200–399 carry 1.1 MB bodies: 200 entries per call used to make a ~220 MB request.
      const big = 'b'.repeat(1.1 * 1024 * 1024);
      const entries = Array.from({ length: 400 }, (_, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
        request: {
          method: 'POST',
          url: `https://example.test/large/${i}`,
          headers: [{ name: 'Content-Type', value: 'text/plain' }],
          postData: { mimeType: 'text/plain', text: i < 200 ? `small ${i}` : big },
        },
      }));
      const path = join(dir.path, 'large.har');
      await writeFile(path, JSON.stringify({ log: { version: '1.2', entries } }));

      await send(s.app.receiverUrl, '/seed', { method: 'POST', body: 'x' });
      await row(page, '/seed').waitFor();
      await page.getByTestId('transfer-button').click();
      await page.getByTestId('import-file').setInputFiles(path);
      await eventually(
        async () =>
          expect(await page.getByTestId('transfer-message').innerText()).toBe('Imported 400 captures'),
        120_000,
      );
      const stored = await s.app.rpc<{ count: number }>('captures.count', { filter: { source: 'imported' } });
      expect(stored.ok && stored.value.count).toBe(400);
    } finally {
      dir.cleanup();
    }
  }, 180_000);
});
