import { afterEach } from 'vitest';
import type { cueServer, deliveryHarness } from '../integration/delivery/helpers';

export interface LiveHarnessAndServer {
  h?: ReturnType<typeof deliveryHarness>;
  server?: Awaited<ReturnType<typeof cueServer>>;
}

/** The delivery harness and cue server a test opens (`live.h = …`, `live.server = …`), closed after each test. */
export function useLiveHarnessAndServer(): LiveHarnessAndServer {
  const live: LiveHarnessAndServer = {};
  afterEach(async () => {
    await live.h?.close();
    await live.server?.close();
    live.h = live.server = undefined;
  });
  return live;
}
