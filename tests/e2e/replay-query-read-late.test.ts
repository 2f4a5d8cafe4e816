import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '../helpers/raw-http';
import { eventually, row, useUiSession } from './support/ui';

/** A real HTTP server on 127.0.0.1:0 that answers 200 and keeps each request target it gets. */
async function targetServer() {
  const targets: string[] = [];
  const server = createServer((req, res) => {
    targets.push(req.url ?? '');
    req.resume().on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('replaying captures from the list while the one with a query is still being read', () => {
  const s = useUiSession();
  let target: Awaited<ReturnType<typeof targetServer>>;
  beforeAll(async () => {
    target = await targetServer();
    const port = Number(new URL(s.app.receiverUrl).port);
    for (const path of ['/late-plain', '/late-wpf?contact_id=42']) {
      const answer = await rawExchange(
        port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    }
    await eventually(async () => expect(await row(s.page, '/late-wpf').count()).toBe(1));
  });
  afterAll(async () => target?.close());

  it('cannot send them without the captured query before it has been read', async () => {
    const { page } = s;
    await row(page, '/late-plain').click();
    await row(page, '/late-wpf').click({ modifiers: ['Shift'] });
    await eventually(async () =>
      expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected'),
    );
    const heldId = Number(await row(page, '/late-wpf').getAttribute('data-capture-id'));

    // The dialog's read of the capture with the query is held until the user has tried to replay: a slow answer.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holdRead = async (route: Route) => {
      const call = route.request().postDataJSON() as { method?: string; input?: { id?: number } } | null;
      if (call?.method === 'captures.get' && call.input?.id === heldId) await held;
      await route.continue();
    };
    await page.route('**/api/rpc', holdRead);
    try {
      await page.getByTestId('replay-selected').click();
      const dialog = page.getByTestId('replay-dialog');
      await dialog.getByTestId('replay-url').fill(`${target.url}/late-target`);
      // Enter in the URL field and the button are both ways to replay; neither may go out yet.
      await dialog.getByTestId('replay-url').press('Enter');
      expect(await dialog.getByTestId('replay-send').isDisabled()).toBe(true);

      release();
      const keepQuery = dialog.getByTestId('replay-keep-query');
      await keepQuery.waitFor();
      expect(await keepQuery.isChecked()).toBe(true);
      await dialog.getByTestId('replay-send').click();
      await eventually(async () => {
        const texts = await dialog.getByTestId('replay-result').allInnerTexts();
        expect(texts).toHaveLength(2);
        for (const t of texts) expect(t).toMatch(/succeeded · HTTP 200/);
      });
      const deliveries = await s.app.rpc<{ items: unknown[] }>('deliveries.list', { limit: 10 });
      expect(deliveries.ok && deliveries.value.items).toHaveLength(2);
      expect([...target.targets].sort()).toEqual(['/late-target', '/late-target?contact_id=42']);
      await dialog.getByTestId('replay-close').click();
    } finally {
      await page.unroute('**/api/rpc', holdRead);
    }
  });
});
