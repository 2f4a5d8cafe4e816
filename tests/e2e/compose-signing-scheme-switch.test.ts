import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

describe('Signing tab: switching away from Generic HMAC', () => {
  const s = useUiSession();

  it('no longer blocks sending on the HMAC header field the new scheme neither shows nor uses', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    await page.locator('[role="tab"][data-tab="signing"]').click();
    await page.getByTestId('signing-scheme').selectOption('hmac');
    await page.getByTestId('signing-secret').fill('shared-secret');
    await page.getByTestId('signing-header').fill('X Sig');
    await eventually(async () =>
      expect(await page.getByTestId('signing-error').innerText()).toMatch(/header/),
    );

    await page.getByTestId('signing-scheme').selectOption('github');
    expect(await page.getByTestId('signing-header').count()).toBe(0);
    await page.getByTestId('signed-string').waitFor();
    expect(await page.getByTestId('signing-error').count()).toBe(0);
  });
});
