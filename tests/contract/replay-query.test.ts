import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { createApiClient } from '../../electron/shared/contract/client';
import { createEngine } from '../../electron/engine/engine';
import { createInProcessTransport } from '../../electron/engine/transport/in-process-transport';
import { silentLogger } from '../../electron/engine/util/logger';
import { startApp } from '../helpers/app-server';
import { createHttpTransport } from '../helpers/http-client';
import { rawExchange } from '../helpers/raw-http';
import { tempDir } from '../helpers/temp-dir';
import { cueServer, until } from '../integration/delivery/helpers';

/** A WP Fusion ping: all its data is in the query, written the way a sender may write it (kept byte-exact). */
const QUERY = "wpf_action=update_tags&contact_id=42&tags[]=a%2Bb&note='hi'|x";

interface Harness {
  client: ApiClient;
  close(): Promise<void>;
}

const harnesses: Array<[string, () => Promise<Harness>]> = [
  [
    'the in-process dispatcher',
    async () => {
      const dir = tempDir();
      const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
      return {
        client: createApiClient(createInProcessTransport(engine)),
        async close() {
          await engine.close();
          dir.cleanup();
        },
      };
    },
  ],
  [
    'HTTP',
    async () => {
      const app = await startApp({ serveUi: false });
      const transport = createHttpTransport(app.apiUrl, app.token);
      return {
        client: createApiClient(transport),
        async close() {
          transport.close();
          await app.close();
        },
      };
    },
  ],
];

for (const [name, makeHarness] of harnesses) {
  describe(`deliveries.replay keepQuery over ${name}`, () => {
    let h: Harness;
    let target: Awaited<ReturnType<typeof cueServer>>;
    let captureId: number;
    beforeAll(async () => {
      h = await makeHarness();
      target = await cueServer();
      const { receiverUrl } = await h.client.call('app.info', {});
      // Written on the socket: fetch would percent-encode the quotes.
      const port = Number(new URL(receiverUrl).port);
      const answer = await rawExchange(
        port,
        `GET /wpf?${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      captureId = await until(async () => {
        const { items } = await h.client.call('captures.list', { limit: 10 });
        return items.find((c) => c.path === '/wpf')?.id;
      });
    });
    afterAll(async () => {
      await target?.close();
      await h?.close();
    });

    async function replayedTarget(input: { url: string; keepQuery?: boolean }): Promise<string> {
      const before = target.received.length;
      const delivery = await h.client.call('deliveries.replay', { captureId, policy: 'none', ...input });
      await until(async () => {
        const d = await h.client.call('deliveries.get', { id: delivery.id });
        return d.state === 'succeeded' ? d : undefined;
      });
      expect(target.received).toHaveLength(before + 1);
      return target.received[before]!.url;
    }

    it('appends the captured query byte-exact with keepQuery', async () => {
      expect(await replayedTarget({ url: `${target.url}/wp-json/x`, keepQuery: true })).toBe(
        `/wp-json/x?${QUERY}`,
      );
    });

    it('joins it with & when the target has a query of its own', async () => {
      expect(await replayedTarget({ url: `${target.url}/wp-json/x?key=k1`, keepQuery: true })).toBe(
        `/wp-json/x?key=k1&${QUERY}`,
      );
    });

    it('sends the target URL alone without keepQuery (the default, as before)', async () => {
      expect(await replayedTarget({ url: `${target.url}/wp-json/x` })).toBe('/wp-json/x');
      expect(await replayedTarget({ url: `${target.url}/wp-json/x`, keepQuery: false })).toBe('/wp-json/x');
    });
  });
}
