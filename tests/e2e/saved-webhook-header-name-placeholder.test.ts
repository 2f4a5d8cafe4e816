import { describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { useHttpTarget } from '../helpers/http-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a saved webhook with a {{variable}} in a header name, through the form', () => {
  const received: IncomingHttpHeaders[] = [];
  const target = useHttpTarget((req, res) => {
    received.push(req.headers);
    req.resume().on('end', () => res.end('ok'));
  });

  it('saves, loads back into the form, and sends the name filled from the active environment', async () => {
    const { page, app } = s;
    const env = await app.rpc<{ id: number }>('environments.save', {
      name: 'Acme',
      variables: { vendor: 'acme' },
    });
    if (!env.ok) throw new Error(env.error.message);
    const activated = await app.rpc('environments.activate', { id: env.value.id });
    if (!activated.ok) throw new Error(activated.error.message);

    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const form = page.locator('.saved-webhooks');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Vendor key');
    await form.getByRole('textbox', { name: 'URL', exact: true }).fill(`${target.url}/vendor`);
    const headers = page.getByTestId('saved-webhook-headers');
    await headers.getByRole('button', { name: '+ Add' }).click();
    await headers.getByRole('textbox', { name: 'Header 1', exact: true }).fill('X-{{vendor}}-Key');
    await headers.getByRole('textbox', { name: 'Header value 1', exact: true }).fill('k1');
    await form.getByRole('button', { name: 'Save', exact: true }).click();

    await eventually(async () => {
      const list = await app.rpc<{ items: Array<{ name: string; headers: unknown }> }>('webhooks.list', {});
      if (!list.ok) throw new Error(list.error.message);
      expect(list.value.items.find((w) => w.name === 'Vendor key')?.headers).toEqual([
        ['X-{{vendor}}-Key', 'k1'],
      ]);
    });
    const row = form.getByRole('group', { name: 'Vendor key', exact: true });
    await row.getByRole('button', { name: 'Edit', exact: true }).click();
    await eventually(async () =>
      expect(await headers.getByRole('textbox', { name: 'Header 1', exact: true }).inputValue()).toBe(
        'X-{{vendor}}-Key',
      ),
    );

    await row.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(async () =>
      expect(await form.locator('.notice-ok').innerText()).toContain('Queued delivery'),
    );
    await eventually(() => expect(received.map((h) => h['x-acme-key'])).toEqual(['k1']));
  });
});
