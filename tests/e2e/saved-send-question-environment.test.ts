import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a saved webhook\'s "Send anyway" and the environment chosen after it asked', () => {
  const received: IncomingHttpHeaders[] = [];
  const target = useHttpTarget((req, res) => {
    received.push(req.headers);
    res.end('ok');
  });

  it('drops the question about the old environment, and Send then fills from the one chosen', async () => {
    const { page, app } = s;
    const without = await app.rpc<{ id: number }>('environments.save', { name: 'without', variables: {} });
    const withToken = await app.rpc('environments.save', { name: 'with', variables: { token: 'T1' } });
    if (!without.ok || !withToken.ok) throw new Error('environments not saved');
    await app.rpc('environments.activate', { id: without.value.id });
    const saved = await app.rpc('webhooks.save', {
      name: 'Tokened',
      method: 'POST',
      url: `${target.url}/hook`,
      headers: [['X-Token', '{{token}}']],
    });
    if (!saved.ok) throw new Error(saved.error.message);

    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const send = page
      .locator('.saved-row', { hasText: 'Tokened' })
      .getByRole('button', { name: 'Send', exact: true });
    await send.click();
    const anyway = page.locator('.saved-webhooks').getByRole('button', { name: 'Send anyway' });
    await anyway.waitFor();

    // The variable the question named is in the other environment: choosing it answers the question.
    await page
      .locator('.saved-webhooks')
      .getByLabel('Environment', { exact: true })
      .selectOption({ label: 'with' });
    await eventually(async () => expect(await anyway.count()).toBe(0));
    await send.click();
    await eventually(() => expect(received.map((h) => h['x-token'])).toEqual(['T1']));
  });
});
