import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, and the saved webhook it acts on. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const row = el?.closest('.saved-row')?.querySelector('.saved-name')?.textContent;
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${row ? ` in ${row}` : ''}`;
  });

describe('"Send anyway" on a saved webhook, by keyboard', () => {
  const target = useOkTarget();

  it('returns the focus to the Send that asked when the question goes away', async () => {
    const { page, app } = s;
    // No environment fills {{missing}}: Send asks before sending it as typed.
    const saved = await app.rpc('webhooks.save', {
      name: 'Unresolved',
      method: 'POST',
      url: `${target.base}/{{missing}}`,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const row = page.locator('.saved-row', { hasText: 'Unresolved' });
    await row.getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Enter');
    const anyway = page.locator('.saved-webhooks').getByRole('button', { name: 'Send anyway' });
    await anyway.focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.locator('.saved-webhooks .notice-ok').innerText()).toContain('Queued delivery'),
    );
    expect(await focused()).toBe('BUTTON Send in Unresolved');
  });
});
