import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harOf } from '../helpers/har';
import { eventually, row, selectCapture, useUiSession } from './support/ui';

/** A real HTTP server on 127.0.0.1:0 that answers 200 and keeps the headers of each request it gets. */
async function targetServer() {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    received.push(req.headers);
    req.resume().on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tool's HAR that gives the body's type in postData.mimeType only. */
const har = harOf({
  path: '/har-typed',
  httpVersion: 'HTTP/1.1',
  headers: [{ name: 'X-Trace', value: '1' }],
  postData: { mimeType: 'application/json', text: '{"a":1}' },
});

describe('replaying an imported capture typed only by its HAR postData', () => {
  const s = useUiSession();
  let target: Awaited<ReturnType<typeof targetServer>>;
  beforeAll(async () => {
    target = await targetServer();
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', { har });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.imported).toBe(1);
    await eventually(async () => expect(await row(s.page, '/har-typed').count()).toBe(1));
  });
  afterEach(async () => {
    const close = s.page.getByTestId('replay-close');
    if ((await close.count()) > 0) await close.click();
  });
  afterAll(async () => target?.close());

  for (const opener of ['replay-open', 'replay-selected'] as const) {
    it(`says it adds the type and sends it (${opener})`, async () => {
      const { page } = s;
      await selectCapture(page, '/har-typed');
      await page.getByTestId(opener).click();
      const dialog = page.getByTestId('replay-dialog');
      const note = dialog.getByTestId('replay-har-content-type');
      await note.waitFor();
      expect(await note.innerText()).toBe(
        "Adds Content-Type: application/json from the HAR's postData: the captured headers have none.",
      );
      await dialog.getByTestId('replay-url').fill(`${target.url}/replayed`);
      const before = target.received.length;
      await dialog.getByTestId('replay-send').click();
      await eventually(async () =>
        expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/succeeded · HTTP 200/),
      );
      expect(target.received).toHaveLength(before + 1);
      expect(target.received[before]!['content-type']).toBe('application/json');
      expect(target.received[before]!['x-trace']).toBe('1');
    });
  }

  it('opens in the composer with that Content-Type among the headers', async () => {
    const { page } = s;
    await selectCapture(page, '/har-typed');
    await page.getByTestId('open-in-composer').click();
    await page.getByTestId('composer').waitFor();
    // A CI run saw the Content-Type line before the captured X-Trace line: wait for both.
    await eventually(async () =>
      expect(await page.getByTestId('preview-header').allInnerTexts()).toEqual(
        expect.arrayContaining(['Content-Type: application/json\n', 'X-Trace: 1\n']),
      ),
    );
  });
});
