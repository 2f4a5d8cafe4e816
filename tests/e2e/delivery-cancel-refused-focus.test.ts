import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { focusedInDeliveryDetail, openPendingOrttoDelivery } from './support/delivery-detail';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a Cancel the engine refuses because the delivery succeeded meanwhile, by keyboard', () => {
  // Down for the first attempt, up for the next.
  let answered = 0;
  const failing = useHttpTarget((req, res) => {
    req.resume();
    req.on('end', () => (answered++ === 0 ? res.writeHead(500).end('down') : res.writeHead(200).end('up')));
  });

  it('announces the refusal and keeps the focus in the detail', async () => {
    const { page, app } = s;
    const { id, detail, cancel } = await openPendingOrttoDelivery(page, app, `${failing.url}/cancel-refused`);

    // The page's Cancel reaches the engine only after another client's Retry now has succeeded.
    let reached = () => {};
    const cancelSent = new Promise<void>((resolve) => (reached = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc', async (route) => {
      if (!route.request().postData()?.includes('"deliveries.cancel"')) return route.continue();
      reached();
      await released;
      await route.continue();
    });
    try {
      await cancel.focus();
      await page.keyboard.press('Enter');
      await cancelSent;
      const elsewhere = await app.rpc('deliveries.retryNow', { id });
      if (!elsewhere.ok) throw new Error(elsewhere.error.message);
      await eventually(async () => expect(await detail.locator('.pill').innerText()).toBe('succeeded'));
    } finally {
      release();
    }
    const alert = detail.getByRole('alert');
    await eventually(async () => expect(await alert.innerText()).toContain('already succeeded'));
    await eventually(async () =>
      expect(await focusedInDeliveryDetail(page)).toBe('BUTTON Retry now in detail'),
    );
  });
});
