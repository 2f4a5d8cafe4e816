import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/app-server';
import { eventually } from './ui';

/** The focused element's tag and text, and whether it sits in the delivery detail. */
export const focusedInDeliveryDetail = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    const inDetail = el?.closest('.delivery-detail') ? ' in detail' : '';
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${inDetail}`;
  });

/**
 * Sends a manual Ortto delivery to `url` and opens its detail by keyboard once Cancel is enabled. Ortto waits 5 min
 * after a failed first attempt, so against a failing target the delivery stays pending and Cancel stays open.
 */
export async function openPendingOrttoDelivery(
  page: Page,
  app: TestApp,
  url: string,
): Promise<{ id: number; detail: Locator; cancel: Locator }> {
  const sent = await app.rpc<{ id: number }>('deliveries.send', {
    request: { method: 'POST', url, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'ortto',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  await page.locator('.view-tab[data-view="deliveries"]').click();
  const row = page
    .getByRole('table', { name: 'Delivery log' })
    .locator('tbody tr', { hasText: new URL(url).pathname });
  await eventually(async () => expect(await row.count()).toBe(1));
  await row.focus();
  await page.keyboard.press('Enter');
  const detail = page.locator('.delivery-detail');
  const cancel = detail.getByRole('button', { name: 'Cancel', exact: true });
  await eventually(async () => expect(await cancel.isEnabled()).toBe(true));
  return { id: sent.value.id, detail, cancel };
}
