import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe("an endpoint card's rule progress", () => {
  it('gives the step back on the card when the sender leaves before its delayed answer', async () => {
    const { page } = s;
    const created = await s.app.rpc('endpoints.create', {
      slug: 'slow',
      name: 'Slow',
      rule: {
        status: 200,
        headers: [],
        body: 'ok',
        delayMs: 120_000,
        behaviour: { kind: 'fail-first', count: 3, failStatus: 503 },
      },
    });
    expect(created.ok).toBe(true);
    await page.locator('.view-tab[data-view="endpoints"]').click();
    const progress = page.locator(
      '[data-testid="endpoint-card"][data-slug="slow"] [data-testid="endpoint-rule-progress"]',
    );
    await eventually(async () => expect(await progress.innerText()).toBe('(0 of 3 failures used)'));

    // A sender that gives up while the rule holds its answer back: its step goes back to the count.
    const sender = request(`${s.app.receiverUrl}/h/slow`, { method: 'POST' });
    sender.on('error', () => undefined);
    sender.end('{}');
    await eventually(async () => expect(await progress.innerText()).toBe('(1 of 3 failures used)'));
    sender.destroy();

    const listed = async () => {
      const list = await s.app.rpc<{ items: Array<{ slug: string; ruleRequests?: number }> }>(
        'endpoints.list',
        {},
      );
      if (!list.ok) throw new Error(list.error.message);
      return list.value.items.find((e) => e.slug === 'slow')?.ruleRequests;
    };
    await eventually(async () => expect(await listed()).toBe(0));
    await eventually(async () => expect(await progress.innerText()).toBe('(0 of 3 failures used)'));
  });
});
