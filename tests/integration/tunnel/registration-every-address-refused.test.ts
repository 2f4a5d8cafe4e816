import { fetch as undiciFetch } from 'undici';
import { expect, it } from 'vitest';
import { createLocaltunnelProvider } from '../../../electron/engine/tunnel/localtunnel-provider';
import { closedPort, useTwoLoopbackAgent } from '../../helpers/two-loopback-agent';

// A tunnel server named `localhost`: ::1 and 127.0.0.1 on most machines, both refusing.
const twoLoopbackAgent = useTwoLoopbackAgent();

it('a tunnel server whose every address refuses names each address’s error, not an empty one', async () => {
  const port = await closedPort();
  const dispatcher = twoLoopbackAgent();
  const provider = createLocaltunnelProvider({
    fetch: ((url: string | URL, init?: Record<string, unknown>) =>
      undiciFetch(url, { ...init, dispatcher })) as unknown as typeof fetch,
  });
  const host = `http://tunnel.test:${port}`;
  const opened = provider.open({ host, subdomain: null, localPort: 9, signal: new AbortController().signal });
  const error = await opened.then(
    () => null,
    (e: unknown) => e as Error,
  );
  // Each address's own error, in the order tried (the ::1 one may differ where IPv6 is off).
  expect(error?.message).toMatch(
    new RegExp(
      `^cannot reach tunnel server ${host}: fetch failed \\(connect \\S+ ::1:${port}; connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`,
    ),
  );
});
