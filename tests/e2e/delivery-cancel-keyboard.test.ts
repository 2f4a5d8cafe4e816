import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { focusedInDeliveryDetail, openPendingOrttoDelivery } from './support/delivery-detail';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('delivery detail actions by keyboard', () => {
  const failing = useHttpTarget((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end('down'));
  });

  it('names every column of the attempts, and keeps the focus in the detail when Cancel disables itself', async () => {
    const { page, app } = s;
    const { detail, cancel } = await openPendingOrttoDelivery(page, app, `${failing.url}/cancel-by-keyboard`);

    // Every column of the attempts table has a header a screen reader can read, the Details buttons' included.
    const headers = detail.locator('.delivery-table').getByRole('columnheader');
    await eventually(async () => expect(await headers.count()).toBe(7));
    for (let i = 0; i < 7; i++)
      expect(
        await headers.nth(i).evaluate((th) => (th.getAttribute('aria-label') ?? th.textContent ?? '').trim()),
      ).not.toBe('');
    await cancel.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await detail.locator('.pill').innerText()).toBe('cancelled'));
    expect(await cancel.isDisabled()).toBe(true);
    await eventually(async () =>
      expect(await focusedInDeliveryDetail(page)).toBe('BUTTON Retry now in detail'),
    );
  });
});
