import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('a paused list when a delete is undone', () => {
  const s = useUiSession();

  it('brings the deleted capture back and goes on holding what arrived while paused', async () => {
    const { page } = s;
    for (const n of [1, 2]) await send(s.app.receiverUrl, `/kept/${n}`, { body: '{}' });
    await row(page, '/kept/2').waitFor();
    const toggle = page.getByTestId('live-toggle');
    await toggle.click();
    for (const n of [1, 2]) await send(s.app.receiverUrl, `/held/${n}`, { body: '{}' });
    await eventually(async () => expect(await toggle.innerText()).toContain('2 new'));

    await row(page, '/kept/1').click();
    await page.keyboard.press('Delete');
    await row(page, '/kept/1').waitFor({ state: 'detached' });
    // Ctrl+Z undoes once the offer is shown: the row can go (its capture.deleted event) before the delete's answer.
    await page.getByTestId('undo-toast').getByText('Deleted 1 capture').waitFor();
    await page.keyboard.press('Control+z');
    await row(page, '/kept/1').waitFor();
    expect(await toggle.innerText()).toContain('2 new');
    expect(await row(page, '/held/').count()).toBe(0);

    await toggle.click();
    await row(page, '/held/2').waitFor();
    expect(await page.locator('.row[data-capture-id] .cell.path').allInnerTexts()).toEqual([
      '/held/2',
      '/held/1',
      '/kept/2',
      '/kept/1',
    ]);
    // Resumed, they are new here: marked unread like any arrival.
    expect(await row(page, '/held/1').getAttribute('class')).toContain('unread');
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('4 captures'),
    );
  });
});
