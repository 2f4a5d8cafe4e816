import { afterEach, describe, expect, it } from 'vitest';
import { deliveryMethods } from '../../../electron/shared/contract/delivery';
import { cueServer, deliveryHarness } from './helpers';

// The loop check at the start of a bulk send must judge the URL each row is really sent to: row values in the
// `user:password@` part are percent-encoded there, so an `@` or `/` in them cannot move the host.
type Harness = ReturnType<typeof deliveryHarness>;
let h: Harness | undefined;
const servers: Array<Awaited<ReturnType<typeof cueServer>>> = [];
afterEach(async () => {
  await h?.close();
  for (const s of servers.splice(0)) await s.close();
  h = undefined;
});

async function harnessWithOwnReceiver() {
  const own = await cueServer();
  const target = await cueServer();
  servers.push(own, target);
  const ownPort = Number(new URL(own.url).port);
  h = deliveryHarness({
    loopTargets: () => ({ receiverUrl: own.url, receiverPort: ownPort, publicUrls: [] }),
  });
  h.service.start();
  return { harness: h, own, ownPort, target };
}

const start = (harness: Harness, url: string, password: string) =>
  harness.service.startBulk(
    deliveryMethods['bulk.start'].input.parse({
      template: { method: 'POST', url, headers: [], body: '' },
      rows: { content: `pw\n"${password}"`, format: 'csv' },
      policy: 'none',
    }),
  );

describe('bulk send: loop check at start', () => {
  it("refuses up front when the row's encoded URL is this app's receiver", async () => {
    const { harness, ownPort } = await harnessWithOwnReceiver();
    await expect(
      start(harness, `http://user:[pw]@127.0.0.1:${ownPort}/h/bulk`, 'x@example.invalid/'),
    ).rejects.toMatchObject({ code: 'loop_detected' });
  });

  it('starts, and sends, when only the unencoded value would have pointed at this app', async () => {
    const { harness, own, ownPort, target } = await harnessWithOwnReceiver();
    const job = await start(
      harness,
      `${target.url.replace('//', '//user:[pw]@')}/bulk`,
      `x@127.0.0.1:${ownPort}/`,
    );
    expect(job.total).toBe(1);
    await harness.drain();
    expect(target.received.map((r) => r.url)).toEqual(['/bulk']);
    expect(own.received).toEqual([]);
  });
});
