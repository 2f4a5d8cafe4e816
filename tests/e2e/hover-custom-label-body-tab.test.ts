import { describe, expect, it } from 'vitest';
import { eventually, monacoText, openTab, row, selectCapture, send, useUiSession } from './support/ui';

describe('an ID hover in the Body tab', () => {
  const s = useUiSession();

  it('shows the custom label without the Decoded tab or the Dictionary view ever being opened', async () => {
    const { app, page } = s;
    const r = await app.rpc('dictionary.custom.import', {
      name: 'Instance',
      format: 'csv',
      content: 'id,label\nstr:cm:job-title,Role in company',
    });
    if (!r.ok) throw new Error(r.error.message);
    await send(app.receiverUrl, '/hover-custom', {
      body: JSON.stringify({ contact: { 'str:cm:job-title': 'Engineer' }, webhook_id: 'w' }, null, 2),
      headers: { 'content-type': 'application/json' },
    });
    await eventually(async () => expect(await row(page, '/hover-custom').count()).toBe(1));
    await selectCapture(page, '/hover-custom');
    await openTab(page, 'body');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect(await monacoText(page, '.body-raw')).toContain('str:cm:job-title'));
    const token = page.locator('.body-raw .view-line span', { hasText: 'str:cm:job-title' }).last();
    const hover = page.locator('.monaco-hover-content').first();
    // Monaco shows hovers after a delay and only for a mouse that moved onto the token: move off and on until it shows.
    await eventually(async () => {
      const box = (await token.boundingBox())!;
      await page.mouse.move(box.x - 40, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
    }, 30_000);
    expect(await hover.locator('strong').first().innerText()).toBe('Role in company');
    expect(await hover.innerText()).toContain('custom dictionary');
  });
});
