import { describe, expect, it } from 'vitest';
import { fillBulkSend } from './support/bulk-form';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

const focusedText = () => s.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the send-to-my-own-receiver question of a bulk send, by keyboard', () => {
  it('returns the focus to Start when it is cancelled', async () => {
    const { page, app } = s;
    // This app's own receiver: the loop guard asks first.
    const form = await fillBulkSend(page, {
      url: `${app.receiverUrl}/loop`,
      bodyTemplate: 'Email=[Email]',
      rows: { name: 'one.csv', csv: 'Email\na@example.test\n' },
    });
    await form.getByRole('button', { name: 'Start bulk send' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByTestId('bulk-loop');
    await question.getByRole('button', { name: 'Cancel', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await question.count()).toBe(0));
    await eventually(async () => expect(await focusedText()).toBe('Start bulk send'));
  });
});
