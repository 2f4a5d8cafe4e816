import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a question the Send button asked, and a cURL command pasted after it', () => {
  const target = useOkTarget();

  it('drops the loop question about the old URL, so its "send anyway" cannot send the pasted request', async () => {
    const { page, app } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    await page.getByTestId('compose-url').fill(`${app.receiverUrl}/own`);
    await page.getByTestId('compose-send').click();
    await page.getByTestId('compose-loop').waitFor();

    await page.getByTestId('compose-paste-curl').click();
    await page.getByTestId('paste-curl-input').fill(`curl -d 'a=1' ${target.base}/pasted`);
    await page.getByTestId('paste-curl-apply').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-url').inputValue()).toBe(`${target.base}/pasted`),
    );
    expect(await page.getByTestId('compose-loop').count()).toBe(0);
  });

  it('drops "Send anyway" for warnings of the request it replaced', async () => {
    const { page } = s;
    await page.getByTestId('compose-url').fill(`${target.base}/typed?name=[Not A Field]`);
    await page.getByTestId('compose-send').click();
    await page.getByTestId('compose-confirm').waitFor();

    await page.getByTestId('compose-paste-curl').click();
    await page.getByTestId('paste-curl-input').fill(`curl -d 'b=2' ${target.base}/pasted-too`);
    await page.getByTestId('paste-curl-apply').click();
    await eventually(async () =>
      expect(await page.getByTestId('compose-url').inputValue()).toBe(`${target.base}/pasted-too`),
    );
    expect(await page.getByTestId('compose-confirm').count()).toBe(0);
    expect(await page.getByTestId('compose-send').innerText()).toBe('Send');
  });
});
