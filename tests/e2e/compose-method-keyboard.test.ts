import { describe, expect, it } from 'vitest';
import { useUiSession } from './support/ui';

const s = useUiSession();

const focusedTestId = () =>
  s.page.evaluate(
    () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
  );

describe('the composer method, by keyboard', () => {
  it('keeps the focus on the method when arrowing to Custom… and back', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    const select = page.getByTestId('compose-method');
    await select.focus();
    // Arrowing through a closed select changes it at each step: the last option swaps it for the custom input.
    for (let i = 0; i < 5 && (await select.count()) > 0; i++) await page.keyboard.press('ArrowDown');
    await page.getByTestId('compose-method-custom').waitFor();
    expect(await focusedTestId()).toBe('compose-method-custom');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('report');
    expect(await page.getByTestId('compose-method-custom').inputValue()).toBe('REPORT');

    // "Back to the standard methods" removes itself: the select it brings back takes the focus.
    await page.getByTitle('Back to the standard methods').focus();
    await page.keyboard.press('Enter');
    await select.waitFor();
    expect(await focusedTestId()).toBe('compose-method');
  });

  it('upper-cases a letter typed mid-word without moving the caret to the end', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="compose"]').click();
    const select = page.getByTestId('compose-method');
    await select.selectOption('__custom');
    const custom = page.getByTestId('compose-method-custom');
    await custom.waitFor();
    await custom.fill('PURGE');
    await custom.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('xy');
    expect(await custom.inputValue()).toBe('PUXYRGE');
    expect(await custom.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([
      4, 4,
    ]);
  });
});
