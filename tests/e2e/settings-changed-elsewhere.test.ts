import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

/** A second tab on the same engine, ready to talk to it. */
async function secondPage(): Promise<Page> {
  const page = await s.page.context().newPage();
  await page.goto(s.app.uiUrl);
  await page.locator('.status-bar .conn-open').waitFor();
  return page;
}

async function rpc<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await s.app.rpc<T>(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('settings and tunnel panels left open in one tab', () => {
  it('follow settings saved in another tab, keeping a field typed here and saying it changed elsewhere', async () => {
    const other = await secondPage();
    try {
      await s.page.getByTestId('settings-toggle').click();
      const here = s.page.getByTestId('settings-panel');
      const keepHere = here.getByLabel('Keep at most (captures)');
      expect(await keepHere.inputValue()).toBe('');

      await other.getByTestId('settings-toggle').click();
      const there = other.getByTestId('settings-panel');
      await there.getByLabel('Keep at most (captures)').fill('100');
      await there.getByTestId('settings-save').click();
      await eventually(async () => expect(await keepHere.inputValue()).toBe('100'));
      expect(await here.getByTestId('settings-changed-elsewhere').count()).toBe(0);

      // Typed here, not saved: a change made elsewhere to another field shows, the typed one stays.
      await here.getByLabel('Body limit', { exact: true }).fill('30');
      await rpc('settings.update', { retention: { maxCount: 200 } });
      await eventually(async () => expect(await keepHere.inputValue()).toBe('200'));
      expect(await here.getByLabel('Body limit', { exact: true }).inputValue()).toBe('30');
      await here.getByTestId('settings-changed-elsewhere').waitFor();

      // Saving sends only the field typed here: the other tab's change is not undone.
      await here.getByTestId('settings-save').click();
      await eventually(async () =>
        expect(
          await rpc<{ retention: { maxCount: number | null }; bodyLimitBytes: number }>('settings.get'),
        ).toMatchObject({ retention: { maxCount: 200 }, bodyLimitBytes: 30 * 1024 * 1024 }),
      );
      await eventually(async () =>
        expect(await here.getByTestId('settings-changed-elsewhere').count()).toBe(0),
      );
      await here.getByRole('button', { name: 'Close', exact: true }).click();
    } finally {
      await other.close();
    }
  });

  it('follow tunnel options saved in another tab, so Restart here does not undo them', async () => {
    const other = await secondPage();
    try {
      await s.page.getByTestId('tunnel-control').click();
      const here = s.page.getByTestId('tunnel-panel');
      const hostHere = here.getByLabel('Tunnel server');
      const subdomainHere = here.getByLabel('Subdomain (optional)');
      await eventually(async () => expect(await hostHere.inputValue()).toBe('https://localtunnel.me'));

      // Nothing listens there: the tunnel keeps retrying, which is enough to start and restart it.
      await other.getByTestId('tunnel-control').click();
      const there = other.getByTestId('tunnel-panel');
      await there.getByLabel('Tunnel server').fill('http://127.0.0.1:9');
      await there.getByLabel('Subdomain (optional)').fill('from-there');
      await there.getByRole('button', { name: 'Start', exact: true }).click();
      await eventually(async () => expect(await hostHere.inputValue()).toBe('http://127.0.0.1:9'));
      expect(await subdomainHere.inputValue()).toBe('from-there');
      await eventually(async () =>
        expect(await here.getByRole('button', { name: 'Restart' }).count()).toBe(1),
      );

      // A subdomain typed here is kept when the options change elsewhere, and the panel says so.
      await subdomainHere.fill('typed-here');
      await rpc('tunnel.settings.update', { host: 'http://127.0.0.1:10' });
      await eventually(async () => expect(await hostHere.inputValue()).toBe('http://127.0.0.1:10'));
      expect(await subdomainHere.inputValue()).toBe('typed-here');
      await here.getByTestId('tunnel-changed-elsewhere').waitFor();

      await here.getByRole('button', { name: 'Restart', exact: true }).click();
      await eventually(async () =>
        expect(await rpc('tunnel.settings.get')).toMatchObject({
          subdomain: 'typed-here',
          host: 'http://127.0.0.1:10',
        }),
      );
    } finally {
      await rpc('tunnel.stop');
      await other.close();
    }
  });
});
