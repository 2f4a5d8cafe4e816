import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '../helpers/raw-http';
import { eventually, row, selectCapture, useUiSession } from './support/ui';

/** A WP Fusion ping: all its data in the query, quotes and a pipe as sent (fetch would have encoded them). */
const QUERY = "wpf_action=update_tags&contact_id=42&note='hi'|x";

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

describe('replaying a capture whose data is all in its query', () => {
  const s = useUiSession();
  let target: Awaited<ReturnType<typeof targetServer>>;
  beforeAll(async () => {
    target = await targetServer();
    const port = Number(new URL(s.app.receiverUrl).port);
    const answer = await rawExchange(
      port,
      `GET /wpf?${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    await eventually(async () => expect(await row(s.page, '/wpf').count()).toBe(1));
  });
  afterEach(async () => {
    const close = s.page.getByTestId('replay-close');
    if ((await close.count()) > 0) await close.click();
  });
  afterAll(async () => target?.close());

  async function replayTo(opener: 'replay-open' | 'replay-selected', keep: boolean): Promise<string> {
    const { page } = s;
    await selectCapture(page, '/wpf');
    await page.getByTestId(opener).click();
    const dialog = page.getByTestId('replay-dialog');
    const keepQuery = dialog.getByTestId('replay-keep-query');
    await keepQuery.waitFor();
    expect(await keepQuery.isChecked()).toBe(true);
    expect((await keepQuery.locator('xpath=..').textContent())?.trim()).toBe(
      'Keep the captured query (?wpf_action=…)',
    );
    await dialog.getByTestId('replay-url').fill(`${target.url}/wp-json/x`);
    if (keep) {
      expect(await dialog.getByTestId('replay-query-preview').innerText()).toBe(
        `Sends to ${target.url}/wp-json/x?${QUERY}`,
      );
    } else {
      await keepQuery.uncheck();
      expect(await dialog.getByTestId('replay-query-preview').count()).toBe(0);
    }
    const before = target.targets.length;
    await dialog.getByTestId('replay-send').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/succeeded · HTTP 200/),
    );
    expect(target.targets).toHaveLength(before + 1);
    return target.targets[before]!;
  }

  it('sends the captured query byte-exact by default, from the detail pane', async () => {
    expect(await replayTo('replay-open', true)).toBe(`/wp-json/x?${QUERY}`);
  });

  it('sends the captured query from the list too (the dialog reads it)', async () => {
    expect(await replayTo('replay-selected', true)).toBe(`/wp-json/x?${QUERY}`);
  });

  it('sends no query once "Keep the captured query" is unchecked', async () => {
    expect(await replayTo('replay-open', false)).toBe('/wp-json/x');
  });
});
