import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('a multi-selection when the filter changes', () => {
  const s = useUiSession();

  it('narrows to the capture shown, so Delete acts on no capture the new filter hides', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/sel-filter/get', { method: 'GET' });
    for (const n of [1, 2, 3]) await send(s.app.receiverUrl, `/sel-filter/post-${n}`, { body: '{}' });
    await row(page, '/sel-filter/post-3').waitFor();
    await row(page, '/sel-filter/post-3').click();
    await row(page, '/sel-filter/post-1').click({ modifiers: ['Shift'] });
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('3 selected'),
    );

    await page.getByTestId('filter-method').click();
    await page.locator('.popover label', { hasText: 'GET' }).locator('input').check();
    await eventually(async () =>
      expect(await page.locator('.row[data-capture-id] .cell.path').allInnerTexts()).toEqual([
        '/sel-filter/get',
      ]),
    );
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('selected-count').count()).toBe(0);
    expect(await page.getByTestId('delete-selected').innerText()).toBe('Delete');
    // The capture shown in the detail is still the one selected: Delete takes it and no other.
    const shown = await page.locator('.detail-pane[data-capture-id] .detail-path').innerText();
    expect(shown).toBe('/sel-filter/post-1');
    await page.getByTestId('delete-selected').click();
    await eventually(async () => {
      const left = await s.app.rpc<{ items: { path: string }[] }>('captures.list', { limit: 10 });
      expect(left.ok && left.value.items.map((c) => c.path).sort()).toEqual([
        '/sel-filter/get',
        '/sel-filter/post-2',
        '/sel-filter/post-3',
      ]);
    });
  });
});
