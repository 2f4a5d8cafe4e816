import { expect, it } from 'vitest';
import { maxSearchTerms } from '../../electron/shared/contract/captures';
import { eventually, row, send, useUiSession } from './support/ui';

const s = useUiSession();

it('the charts show no figures for a search the engine refuses, not the last filter’s', async () => {
  const { page } = s;
  await send(s.app.receiverUrl, '/counted', { method: 'POST', body: 'a' });
  await row(page, '/counted').waitFor();
  const legend = page.locator('.status-legend');
  await eventually(async () => expect(await legend.innerText()).toContain('2xx 1'));

  // A pasted paragraph: more words than a search may have. The list says why it shows nothing.
  await page.getByTestId('search').fill('word '.repeat(maxSearchTerms + 1));
  await page.getByTestId('search').press('Enter');
  await page.getByText(`a search of at most ${maxSearchTerms} words`).waitFor();
  await eventually(async () => expect(await legend.count()).toBe(0));
});
