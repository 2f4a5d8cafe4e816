import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, expectClean, useUiSession } from './support/ui';

// The delivery log and saved webhooks exports leave secrets out unless the user asks for them.
async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

describe('exports from the Deliveries view', () => {
  const s = useUiSession();

  it('delivery log: redacted unless "Redact secrets" is unchecked', async () => {
    const { page, app } = s;
    const sent = await app.rpc('deliveries.send', {
      request: {
        method: 'POST',
        url: `${app.receiverUrl}/log-secret?api_key=LOGSECRET_K`,
        headers: [],
        bodyBase64: '',
      },
      type: 'manual',
      allowLoop: true,
    });
    if (!sent.ok) throw new Error(sent.error.message);
    await page.locator('.view-tab[data-view="deliveries"]').click();
    const log = page.getByRole('table', { name: 'Delivery log' });
    await eventually(async () =>
      expect(await log.locator('tbody tr', { hasText: '/log-secret' }).count()).toBe(1),
    );
    const redacted = await download(page, 'Export JSON');
    expect(redacted).toContain('/log-secret?api_key=%5Bredacted%5D');
    expect(redacted).not.toContain('LOGSECRET_K');
    await page.getByTestId('delivery-log-redact').uncheck();
    expect(await download(page, 'Export JSON')).toContain('LOGSECRET_K');
  });

  it('saved webhooks: redacted unless "Include secrets (backup)"; importing a redacted file says what to re-enter', async () => {
    const { page, app } = s;
    const saved = await app.rpc('webhooks.save', {
      name: 'Keyed',
      method: 'POST',
      url: 'https://hooks.example/k',
      headers: [['Authorization', 'Bearer SAVEDSECRET_H']],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const redacted = await download(page, 'Export JSON');
    expect(redacted).not.toContain('SAVEDSECRET_H');
    await page.getByTestId('webhooks-export-secrets').check();
    expect(await download(page, 'Export JSON')).toContain('SAVEDSECRET_H');

    await page.locator('.saved-webhooks input[type="file"]').setInputFiles({
      name: 'hookscope-webhooks.json',
      mimeType: 'application/json',
      buffer: Buffer.from(redacted),
    });
    await eventually(async () =>
      expect(await page.locator('.saved-webhooks .notice').innerText()).toBe(
        'Imported 1. Re-enter the secrets exported as [redacted] before sending: webhooks[0] "Keyed": headers.Authorization',
      ),
    );
    expect(expectClean(s.problems)).toEqual({ dialogs: [], csp: [], errors: [] });
  });
});
