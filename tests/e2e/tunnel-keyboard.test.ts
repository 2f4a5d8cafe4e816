import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** The focused element: its text, and whether it sits in the tunnel panel. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    const inPanel = el?.closest('[data-testid="tunnel-panel"]') !== null;
    return `${el?.tagName ?? ''} ${el?.textContent?.trim() ?? ''}${inPanel ? ' in panel' : ''}`;
  });

describe('the tunnel panel by keyboard', () => {
  it('keeps the focus in the panel on Start or Restart after Start, Restart or Stop, not on the page', async () => {
    const { page } = s;
    await page.getByTestId('tunnel-control').click();
    const panel = page.getByTestId('tunnel-panel');
    // Nothing listens there: the tunnel goes offline and keeps retrying, which is enough to stop and restart it.
    await panel.getByLabel('Tunnel server').fill('http://127.0.0.1:9');
    const press = async (name: string) => {
      await panel.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };

    await press('Start');
    await eventually(async () => expect(await focused()).toBe('BUTTON Restart in panel'));
    await press('Restart');
    await eventually(async () => expect(await focused()).toBe('BUTTON Restart in panel'));
    // Stop takes its own button away: the keyboard goes on from Start.
    await press('Stop');
    await eventually(async () => expect(await focused()).toBe('BUTTON Start in panel'));
  });
});
