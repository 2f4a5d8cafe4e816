import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { fillSlowBulkSend } from './support/bulk-form';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element's tag and text, and whether it sits in the bulk progress. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const inProgress = el?.closest('.bulk-progress') ? ' in progress' : '';
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${inProgress}`;
  });

describe('bulk send controls by keyboard', () => {
  const target = useOkTarget();

  it('keeps the focus on Start while the job starts, and in the job controls after Pause, Resume, Stop and Delete take the pressed button away', async () => {
    const { page } = s;
    const form = await fillSlowBulkSend(page, target.base);
    // Start disables itself while the job starts: the keyboard goes on from it, not the page.
    await form.getByRole('button', { name: 'Start bulk send' }).focus();
    await page.keyboard.press('Enter');
    const progress = page.locator('.bulk-progress');
    await progress.getByRole('button', { name: 'Pause', exact: true }).waitFor();

    await eventually(async () => expect(await focused()).toBe('BUTTON Start bulk send'));

    const press = async (name: string) => {
      await progress.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    await press('Pause');
    await eventually(async () => expect(await focused()).toBe('BUTTON Resume in progress'));
    await press('Resume');
    await eventually(async () => expect(await focused()).toBe('BUTTON Pause in progress'));
    // Stop asks first (the keyboard lands on the safe choice); confirming takes both buttons away: the keyboard goes on
    // from what the stopped job offers.
    await press('Stop…');
    await eventually(async () => expect(await focused()).toBe("BUTTON Don't stop in progress"));
    await press('Stop for good');
    await eventually(async () => expect(await focused()).toBe('BUTTON Delete… in progress'));
    // Deleting the only job takes its progress away: the keyboard goes on from Start.
    await page.keyboard.press('Enter');
    await progress.getByRole('button', { name: 'Delete job and its deliveries' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await progress.count()).toBe(0));
    await eventually(async () => expect(await focused()).toBe('BUTTON Start bulk send'));
  });
});
