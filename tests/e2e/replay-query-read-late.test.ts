import type { Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../helpers/raw-get';
import { useRecordingTarget } from '../helpers/recording-target';
import { eventually, row, useUiSession } from './support/ui';

describe('replaying captures from the list while the one with a query is still being read', () => {
  const s = useUiSession();
  const target = useRecordingTarget();
  beforeAll(async () => {
    for (const path of ['/late-plain', '/late-wpf?contact_id=42']) await rawGet(s.app.receiverUrl, path);
    await eventually(async () => expect(await row(s.page, '/late-wpf').count()).toBe(1));
  });

  it('cannot send them without the captured query before it has been read', async () => {
    const { page } = s;
    await row(page, '/late-plain').click();
    await row(page, '/late-wpf').click({ modifiers: ['Shift'] });
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected'),
    );
    const heldId = Number(await row(page, '/late-wpf').getAttribute('data-capture-id'));

    // The dialog's read of the capture with the query is held until the user has tried to replay: a slow answer.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holdRead = async (route: Route) => {
      const call = route.request().postDataJSON() as { method?: string; input?: { id?: number } } | null;
      if (call?.method === 'captures.get' && call.input?.id === heldId) await held;
      await route.continue();
    };
    await page.route('**/api/rpc', holdRead);
    try {
      await page.getByTestId('replay-selected').click();
      const dialog = page.getByTestId('replay-dialog');
      await dialog.getByTestId('replay-url').fill(`${target.url}/late-target`);
      // Enter in the URL field and the button are both ways to replay; neither may go out yet.
      await dialog.getByTestId('replay-url').press('Enter');
      expect(await dialog.getByTestId('replay-send').isDisabled()).toBe(true);

      release();
      const keepQuery = dialog.getByTestId('replay-keep-query');
      await keepQuery.waitFor();
      expect(await keepQuery.isChecked()).toBe(true);
      await dialog.getByTestId('replay-send').click();
      await eventually(async () => {
        const texts = await dialog.getByTestId('replay-result').allInnerTexts();
        expect(texts).toHaveLength(2);
        for (const t of texts) expect(t).toMatch(/succeeded · HTTP 200/);
      });
      const deliveries = await s.app.rpc<{ items: unknown[] }>('deliveries.list', { limit: 10 });
      expect(deliveries.ok && deliveries.value.items).toHaveLength(2);
      expect([...target.targets].sort()).toEqual(['/late-target', '/late-target?contact_id=42']);
      await dialog.getByTestId('replay-close').click();
    } finally {
      await page.unroute('**/api/rpc', holdRead);
    }
  });
});
