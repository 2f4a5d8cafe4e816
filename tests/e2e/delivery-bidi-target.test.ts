import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();
const RLO = '\u202e';

// A right-to-left override in a target URL or a name reorders what follows it: `/invoice<RLO>fdp.exe` reads as
// `/invoiceexe.pdf`. Like a response or a header value, it is shown as its code point.
describe('bidi characters in delivery targets and names', () => {
  const target = useOkTarget();

  it('shows them as code points in the delivery log, the delivery detail and the saved webhooks', async () => {
    const { page, app } = s;
    const sent = await app.rpc('deliveries.send', {
      request: { method: 'POST', url: `${target.base}/invoice${RLO}fdp.exe`, headers: [], bodyBase64: '' },
      type: 'manual',
      name: `Invoice ${RLO}fdp.exe`,
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const saved = await app.rpc('webhooks.save', {
      name: `Saved ${RLO}fdp.exe`,
      method: 'POST',
      url: `${target.base}/saved${RLO}fdp.exe`,
    });
    if (!saved.ok) throw new Error(saved.error.message);

    await page.locator('.view-tab[data-view="deliveries"]').click();
    const row = page
      .getByRole('table', { name: 'Delivery log' })
      .locator('tbody tr', { hasText: '/invoice' });
    await eventually(async () => expect(await row.count()).toBe(1));
    const rowText = await row.innerText();
    expect(rowText).toContain('/invoiceU+202Efdp.exe');
    expect(rowText).toContain('Invoice U+202Efdp.exe');
    expect(rowText).not.toContain(RLO);

    await row.click();
    const detail = page.locator('.delivery-detail');
    await eventually(async () => expect(await detail.innerText()).toContain('/invoiceU+202Efdp.exe'));
    expect(await detail.locator('.delivery-meta').innerText()).toContain('Invoice U+202Efdp.exe');
    expect(await detail.innerText()).not.toContain(RLO);

    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const savedRow = page.locator('.saved-row');
    await eventually(async () => expect(await savedRow.count()).toBe(1));
    const savedText = await savedRow.innerText();
    expect(savedText).toContain('Saved U+202Efdp.exe');
    expect(savedText).toContain('/savedU+202Efdp.exe');
    expect(savedText).not.toContain(RLO);
  });
});
