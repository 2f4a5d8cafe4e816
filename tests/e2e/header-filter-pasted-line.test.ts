import { expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

const s = useUiSession();

it('a header line pasted whole into the Header filter’s Name box filters by that header and value', async () => {
  const { page } = s;
  await send(s.app.receiverUrl, '/north', { method: 'POST', body: 'a', headers: { 'X-Shop': 'north' } });
  await send(s.app.receiverUrl, '/south', { method: 'POST', body: 'b', headers: { 'X-Shop': 'south' } });
  await row(page, '/south').waitFor();

  await page.getByTestId('filter-header').click();
  await page.getByTestId('header-name').fill('X-Shop: north');
  await page.getByTestId('header-apply').click();
  await eventually(async () =>
    expect(await page.getByTestId('result-count').innerText()).toBe('1 capture matches'),
  );
  expect(await row(page, '/north').count()).toBe(1);
  expect(await row(page, '/south').count()).toBe(0);
  expect(await page.getByTestId('filter-header').innerText()).toContain('Header: X-Shop = north');

  // The name with its colon, the value in its own box.
  await page.getByTestId('filter-header').click();
  await page.getByTestId('header-name').fill('X-Shop:');
  await page.getByTestId('header-value').fill('south');
  await page.getByTestId('header-apply').click();
  await eventually(async () => expect(await row(page, '/north').count()).toBe(0));
  expect(await row(page, '/south').count()).toBe(1);
  expect(await page.getByTestId('filter-header').innerText()).toContain('Header: X-Shop = south');
});
