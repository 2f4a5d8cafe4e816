import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('deleting an environment by keyboard', () => {
  it('moves the focus to the environment picker instead of dropping it to the page with Delete', async () => {
    const { page, app } = s;
    const env = await app.rpc<{ id: number }>('environments.save', {
      name: 'Staging',
      variables: { host: 'x' },
    });
    if (!env.ok) throw new Error(env.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    await page.getByTestId('environments-edit').click();
    const editor = page.getByTestId('environments-editor');
    const picker = editor.getByLabel('Environment to edit');
    await eventually(async () => expect(await picker.locator('option').allInnerTexts()).toContain('Staging'));
    await picker.selectOption({ label: 'Staging' });

    await editor.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await picker.locator('option').allInnerTexts()).toEqual(['New environment']),
    );
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Environment to edit',
      ),
    );
  });
});
