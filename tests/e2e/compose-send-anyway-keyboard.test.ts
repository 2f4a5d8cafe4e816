import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

const focusedTestId = () =>
  s.page.evaluate(
    () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
  );

describe('"Send anyway", by keyboard', () => {
  const target = useOkTarget();

  it('keeps the focus on the Send button when the confirmation it answers goes away', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    // A merge field with no value is a warning: the first Send asks before sending.
    await page.getByTestId('compose-url').fill(`${target.base}/anyway?name=[Not A Field]`);
    await page.getByTestId('compose-send').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('compose-confirm').waitFor();

    await page.getByTestId('compose-confirm-send').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.getByTestId('compose-sent').innerText()).toContain('HTTP 200'),
    );
    expect(await page.getByTestId('compose-confirm').count()).toBe(0);
    expect(await focusedTestId()).toBe('compose-send');
  });
});
