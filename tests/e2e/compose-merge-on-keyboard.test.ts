import { describe, expect, it } from 'vitest';
import { eventually, row, selectCapture, send, useUiSession } from './support/ui';

const s = useUiSession();

describe('"Fill merge fields", by keyboard', () => {
  it('moves the focus to the Merge fields tab it opens, not to the page', async () => {
    const { page, app } = s;
    await send(app.receiverUrl, '/merge-off', {
      body: JSON.stringify({ greeting: 'Hi [First Name]' }),
      headers: { 'content-type': 'application/json' },
    });
    await eventually(async () => expect(await row(page, '/merge-off').count()).toBe(1));
    await selectCapture(page, '/merge-off');
    await page.getByTestId('open-in-composer').click();
    // A captured request opens with merge fields off.
    const fill = page.getByTestId('compose-merge-on');
    await fill.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await page.getByTestId('compose-merge-off').count()).toBe(0));

    const focused = await page.evaluate(() => ({
      tab: document.activeElement?.getAttribute('data-tab'),
      selected: document.activeElement?.getAttribute('aria-selected'),
    }));
    expect(focused).toEqual({ tab: 'record', selected: 'true' });
  });
});
