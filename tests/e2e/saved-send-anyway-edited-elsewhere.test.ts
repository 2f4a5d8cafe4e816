import { describe, expect, it } from 'vitest';
import { useHttpTarget } from '../helpers/http-target';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('a saved webhook\'s "Send anyway" after another window saved a new version of it', () => {
  const received: Array<{ url: string; token: string | undefined }> = [];
  const target = useHttpTarget((req, res) => {
    const token = req.headers['x-token'];
    received.push({ url: req.url ?? '', token: Array.isArray(token) ? token[0] : token });
    res.end('ok');
  });

  it('sends the version saved now, asking again about its own unresolved fields', async () => {
    const { page, app } = s;
    const fields = { name: 'Edited elsewhere', method: 'POST' };
    const saved = await app.rpc<{ id: number }>('webhooks.save', {
      ...fields,
      url: `${target.url}/v1`,
      headers: [['X-Token', '{{token}}']],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const saveAgain = async (path: string, token: string) => {
      const again = await app.rpc('webhooks.save', {
        id: saved.value.id,
        ...fields,
        url: `${target.url}/${path}`,
        headers: [['X-Token', token]],
      });
      if (!again.ok) throw new Error(again.error.message);
    };

    await page.locator('.view-tab[data-view="deliveries"]').click();
    await page.getByRole('tab', { name: 'Saved webhooks' }).click();
    const send = page
      .locator('.saved-row', { hasText: 'Edited elsewhere' })
      .getByRole('button', { name: 'Send', exact: true });
    const anyway = page.locator('.saved-webhooks').getByRole('button', { name: 'Send anyway' });
    // Whatever the notice says (a question, or "Queued delivery …"): a question is expected.
    const question = page.locator('.saved-webhooks .notice');

    await send.click();
    await anyway.waitFor();
    expect(await question.innerText()).toContain('{{token}}');
    // Saved again elsewhere with another unresolved field: the answer was about {{token}}, so it is asked again.
    await saveAgain('v2', '{{other}}');
    await anyway.click();
    await eventually(async () => expect(await question.innerText()).toContain('{{other}}'));
    expect(await question.innerText()).not.toContain('{{token}}');

    // Saved again with nothing left to ask about: "Send anyway" sends that version.
    await saveAgain('v3', 'T3');
    await anyway.click();
    await eventually(() => expect(received).toEqual([{ url: '/v3', token: 'T3' }]));
  });
});
