import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, openUi, row, send, type UiSession } from './support/ui';

let s: UiSession;
beforeAll(async () => {
  s = await openUi();
  await send(s.app.receiverUrl, '/timed/one', { method: 'POST', body: 'x' });
  await s.page.reload();
  await row(s.page, '/timed/one').waitFor();
});
afterAll(async () => {
  if (!s) return;
  await s.close();
});

// A link edited by hand (or cut short and pasted back) can hold a time no Date can show.
it.each(['from=99999999999999999', 'to=-99999999999999999'])(
  'a link with a time out of range (%s) leaves the time filter off, and its menu opens',
  async (hash) => {
    const { page } = s;
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.getByTestId('filter-time').click();
    await page.getByTestId('time-from').waitFor();
    expect(s.problems.pageErrors).toEqual([]);
    expect(await page.getByTestId('filter-time').innerText()).toBe('Time ▾');
    expect(await page.getByTestId('time-from').inputValue()).toBe('');
    expect(await page.getByTestId('time-to').inputValue()).toBe('');
    await eventually(async () => expect(await row(page, '/timed/one').count()).toBe(1));
    await page.keyboard.press('Escape');
  },
);
