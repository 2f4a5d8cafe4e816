import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

/** The raw header list the server got, as [name, value] pairs with lower-case names. */
const pairs = (raw: string[]) => {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
};

describe("the attempt log's request headers", () => {
  it.each([
    ['a wrong Content-Length', 'POST', [['Content-Length', '99']], 'abc'],
    ['an empty POST', 'POST', [['X-Note', 'empty']], ''],
    ['a GET', 'GET', [['Accept', 'text/plain']], ''],
    // The client sends `Content-Length: 0` for these too (WebDAV's, and the QUERY method's).
    ['an empty PROPFIND', 'PROPFIND', [['Depth', '1']], ''],
    ['an empty PROPPATCH', 'PROPPATCH', [], ''],
    ['an empty QUERY', 'QUERY', [], ''],
  ])('%s: are what went over the wire', async (_name, method, headers, body) => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const h = deliveryHarness();
    cleanup.push(() => h.close());
    h.service.start();
    const { id } = h.service.send({
      request: {
        method,
        url: `${server.url}/wire`,
        headers,
        bodyBase64: Buffer.from(body).toString('base64'),
      },
      type: 'manual',
      policy: 'none',
    } as never);
    await h.drain();
    const wire = pairs(server.received[0]!.rawHeaders).filter(([n]) => n !== 'connection');
    const logged = h.service
      .get(id)
      .attemptList[0]!.requestHeaders.map(([n, v]): [string, string] => [n.toLowerCase(), v]);
    expect(logged.sort()).toEqual(wire.sort());
  });
});
