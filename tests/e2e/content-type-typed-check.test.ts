import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, openUi, row, send, type UiSession } from './support/ui';

let s: UiSession;
beforeAll(async () => {
  s = await openUi();
  await send(s.app.receiverUrl, '/typed/json', {
    method: 'POST',
    body: '{"a":1}',
    headers: { 'content-type': 'application/json' },
  });
  await s.page.reload();
  await row(s.page, '/typed/json').waitFor();
});
afterAll(async () => {
  if (!s) return;
  expect(s.problems.pageErrors).toEqual([]);
  await s.close();
});

// Each of these matched no capture: the list emptied under a "Type: json" chip with no word of why.
it.each(['json', '*/*', 'application/'])(
  'a typed content type that can match nothing ("%s") is refused with a message naming the field',
  async (typed) => {
    const { page } = s;
    await page.getByTestId('filter-ctype').click();
    const custom = page.getByTestId('ctype-custom');
    await custom.fill(typed);
    await custom.press('Enter');
    const message = 'Type: a media type such as application/json, a family such as text/*, or none';
    await eventually(async () =>
      expect(
        await custom.evaluate((el) => ({
          name: el.getAttribute('aria-label'),
          invalid: el.getAttribute('aria-invalid'),
          describedBy: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
          focused: el === document.activeElement,
        })),
      ).toEqual({ name: 'Content type', invalid: 'true', describedBy: message, focused: true }),
    );
    expect(page.url()).not.toContain('ct=');
    expect(await row(page, '/typed/json').count()).toBe(1);
    await page.keyboard.press('Escape');
  },
);
