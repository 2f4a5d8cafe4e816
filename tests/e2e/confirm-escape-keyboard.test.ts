import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

const focusedText = () => s.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('a destructive choice by keyboard', () => {
  it('closes on Escape from either answer, returning the focus to the button that opened it', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="deliveries"]').click();
    const toolbar = page.locator('.delivery-toolbar');
    const opener = toolbar.getByRole('button', { name: 'Clear finished…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    // The safe answer takes the focus first.
    await eventually(async () => expect(await focusedText()).toBe('Keep them'));
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await focusedText()).toBe('Clear finished…'));
    expect(await toolbar.getByRole('button', { name: 'Delete finished deliveries' }).count()).toBe(0);

    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Delete finished deliveries' }).focus();
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await focusedText()).toBe('Clear finished…'));
    expect(await toolbar.getByRole('button', { name: 'Keep them' }).count()).toBe(0);
  });
});
