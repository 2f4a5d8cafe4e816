import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, the loop question or the saved webhook it sits in. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const where = el?.closest('[data-testid$="-loop"]')
      ? ' in question'
      : el?.closest('.saved-row')
        ? ` in ${el.closest('.saved-row')?.querySelector('.saved-name')?.textContent}`
        : '';
    return `${el?.tagName ?? ''} ${el?.textContent?.trim().slice(0, 40) ?? ''}${where}`;
  });

describe('the send-to-my-own-receiver question, by keyboard', () => {
  it('takes the focus when a bulk send asks it; Escape answers no and returns the focus to Start', async () => {
    const { page, app } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Bulk send' }).click();
    const form = page.locator('.bulk-send');
    await form.getByLabel('URL').fill(`${app.receiverUrl}/loop`);
    await form.getByLabel('Body template').fill('Email=[Email]');
    await form.getByLabel('Rows file').setInputFiles({
      name: 'one.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email\na@example.test\n'),
    });
    await form.getByRole('button', { name: 'Start bulk send' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByTestId('bulk-loop');
    await eventually(async () => expect(await focused()).toBe('BUTTON Cancel in question'));
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await question.count()).toBe(0));
    await eventually(async () => expect(await focused()).toBe('BUTTON Start bulk send'));
    const jobs = await app.rpc<{ items: unknown[] }>('bulk.list', {});
    expect(jobs.ok && jobs.value.items).toEqual([]);
  });

  it('takes the focus when a saved webhook asks it; Escape answers no and returns the focus to its Send', async () => {
    const { page, app } = s;
    const saved = await app.rpc('webhooks.save', {
      name: 'Loop',
      method: 'POST',
      url: `${app.receiverUrl}/loop`,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const row = page.locator('.saved-row', { hasText: 'Loop' });
    await row.getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByTestId('saved-loop');
    await eventually(async () => expect(await focused()).toBe('BUTTON Cancel in question'));
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await question.count()).toBe(0));
    await eventually(async () => expect(await focused()).toBe('BUTTON Send in Loop'));
  });
});
