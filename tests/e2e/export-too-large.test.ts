import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('an export too large for one response', () => {
  // A small budget stands in for the hundreds of megabytes that would otherwise be needed.
  const s = useUiSession({ exportMaxChars: 60_000 });

  it('says so in the export dialog, and the app keeps working', async () => {
    const { page } = s;
    for (let i = 0; i < 3; i++)
      await send(s.app.receiverUrl, `/quotes/${i}`, {
        method: 'POST',
        body: '"'.repeat(20_000),
        headers: { 'content-type': 'text/plain' },
      });
    await row(page, '/quotes/2').waitFor();
    await page.getByTestId('transfer-button').click();
    await page.getByTestId('export-format').selectOption('har');
    await page.getByTestId('export-scope-filter').check();
    await page.getByTestId('export-run').click();
    await eventually(async () =>
      expect(await page.getByTestId('transfer-message').innerText()).toContain(
        'the export is too large for one response: narrow the filter or export fewer captures',
      ),
    );
    await page.locator('[data-testid="transfer-dialog"] button[aria-label="Close"]').click();
    await send(s.app.receiverUrl, '/after', { method: 'POST', body: 'x' });
    await row(page, '/after').waitFor();
  });
});
