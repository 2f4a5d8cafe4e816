import { afterAll, beforeAll, expect, it } from 'vitest';
import { maxSearchTerms } from '../../electron/shared/contract/captures';
import { eventually, openUi, row, send, type UiSession } from './support/ui';

let s: UiSession;
beforeAll(async () => {
  s = await openUi();
  await send(s.app.receiverUrl, '/kept/one', { method: 'POST', body: 'x' });
  await s.page.reload();
  await row(s.page, '/kept/one').waitFor();
});
afterAll(async () => {
  if (!s) return;
  expect(s.problems.pageErrors).toEqual([]);
  await s.close();
});

it('a filter the engine refuses shows its error over no rows, not the rows of the filter before', async () => {
  const { page } = s;
  const words = Array.from({ length: maxSearchTerms + 1 }, (_, i) => `w${i}`).join(' ');
  await page.getByTestId('search').fill(words);
  await eventually(async () =>
    expect(await page.getByText(/^filter\.text: a search of at most/).count()).toBe(1),
  );
  expect(await page.locator('.row[data-capture-id]').count()).toBe(0);
});
