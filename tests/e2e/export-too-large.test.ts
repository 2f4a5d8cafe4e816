import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('an export too large for one API answer', () => {
  // A small budget stands in for the hundreds of megabytes that would otherwise be needed.
  const s = useUiSession({ exportMaxChars: 60_000 });

  it('a capture too large for one API answer still exports whole: browser mode streams the file', async () => {
    const { page } = s;
    // Written as a JSON string inside the HAR and again inside the answer, each body passes the 60k budget alone.
    const bodies = [0, 1, 2].map((i) => `${i}${'"'.repeat(20_000)}`);
    for (const [i, body] of bodies.entries())
      await send(s.app.receiverUrl, `/quotes/${i}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
      });
    await row(page, '/quotes/2').waitFor();
    const rpc = await s.app.rpc('captures.export', { format: 'har' });
    expect(rpc).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('export-format').selectOption('har');
    await page.getByTestId('export-scope-filter').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-run').click(),
    ]);
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toMatch(/^Exported 3 captures to /),
    );
    const har = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      log: { entries: Array<{ request: { postData: { text: string } } }> };
    };
    expect(har.log.entries.map((e) => e.request.postData.text).sort()).toEqual(bodies);
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
    await send(s.app.receiverUrl, '/after', { method: 'POST', body: 'x' });
    await row(page, '/after').waitFor();
  });

  it('exports captures that only together pass the budget, in smaller calls, each body whole', async () => {
    const { page } = s;
    await s.app.rpc('captures.deleteAll');
    await page.getByTestId('empty-state').waitFor();
    // Each entry is about 21k characters: any two fit in the 60k budget, the three together do not.
    const bodies = ['a', 'b', 'c'].map((c) => c.repeat(20_000));
    for (const [i, body] of bodies.entries())
      await send(s.app.receiverUrl, `/big/${i}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
      });
    await row(page, '/big/2').waitFor();
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('export-format').selectOption('har');
    await page.getByTestId('export-scope-filter').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-run').click(),
    ]);
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toMatch(/^Exported 3 captures to /),
    );
    const har = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      log: { entries: Array<{ request: { postData: { text: string } } }> };
    };
    expect(har.log.entries.map((e) => e.request.postData.text).sort()).toEqual(bodies);
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
  });
});
