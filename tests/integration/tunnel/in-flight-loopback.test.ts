import { expect, it } from 'vitest';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { useCleanup } from '../../helpers/cleanup';
import { startApp, type TestApp } from '../../helpers/app-server';
import { FakeProvider, flush } from '../../unit/tunnel/fake-provider';

// The tunnel module over a real engine with a hand-driven provider: which requests it counts as in flight through the
// tunnel (while any are, a failed health probe is inconclusive and the tunnel is not repaired).

const cleanups = useCleanup();

it('counts a request naming the public host as in flight through the tunnel only when it came from loopback', async () => {
  const target: TestApp = await startApp({ serveUi: false });
  cleanups.push(() => target.close());
  const provider = new FakeProvider();
  const module = createTunnelModule(target.engine.ctx, { provider });
  cleanups.push(() => module.close?.());
  module.startTunnel({ host: 'http://127.0.0.1:9' });
  provider.last().resolve('http://abcd.lt.test');
  await flush();
  const counted = (remoteAddress: string) =>
    target.engine.ctx.receiverHooks.watchers
      .map((watch) => watch({ path: '/h/x', headers: [['Host', 'abcd.lt.test']], remoteAddress }))
      .filter((end) => end !== null).length;
  expect(counted('127.0.0.1')).toBe(1);
  expect(counted('::ffff:127.0.0.1')).toBe(1);
  // With the receiver on 0.0.0.0, a LAN sender can name the public host in Host; the tunnel client never sends it.
  expect(counted('192.168.1.20')).toBe(0);
});
