import { describe, expect, it } from 'vitest';
import { eventually, row, selectCapture, send, useUiSession } from './support/ui';

describe('Replay dialog: a captured signature that signs its sending time', () => {
  const s = useUiSession();

  it('says the replay sends it stale, from the detail pane and from the list', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/stripe-signed', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Stripe-Signature': 't=1741944602,v1=d58c' },
      body: '{"id":"evt_123"}',
    });
    await send(s.app.receiverUrl, '/unsigned', { method: 'POST', body: 'x' });

    await selectCapture(page, '/unsigned');
    await page.getByTestId('replay-open').click();
    await page.getByTestId('replay-dialog').waitFor();
    expect(await page.getByTestId('replay-stale-signature').count()).toBe(0);
    await page.getByTestId('replay-close').click();

    await selectCapture(page, '/stripe-signed');
    await page.getByTestId('replay-open').click();
    const notice = page.getByTestId('replay-dialog').getByTestId('replay-stale-signature');
    expect(await notice.innerText()).toMatch(
      /This capture is signed with the time it was sent \(Stripe-Signature\)/,
    );
    expect(await notice.innerText()).toMatch(/open the capture in the composer/);
    await page.getByTestId('replay-close').click();

    await row(page, '/unsigned').click({ modifiers: ['Control'] });
    await page.getByTestId('replay-selected').click();
    await eventually(async () =>
      expect(await notice.innerText()).toMatch(/1 of these 2 captures is signed with the time it was sent/),
    );
    await page.getByTestId('replay-close').click();
  });
});
