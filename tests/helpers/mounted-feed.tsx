import { render } from '@testing-library/react';
import { createApiClient } from '../../electron/shared/contract/client';
import type { CaptureFilter } from '../../electron/shared/contract/captures';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { useCaptureFeed, type CaptureFeed } from '../../renderer/src/features/captures/use-capture-feed';
import { scriptedTransport } from './scripted-transport';

/** The capture list's hook mounted over a scripted transport: the test answers its calls and pushes its events. */
export function mountFeed(filter: CaptureFilter = {}, filterKey = 'all') {
  const t = scriptedTransport();
  const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
  const feed: { current: CaptureFeed | null } = { current: null };
  function Probe() {
    feed.current = useCaptureFeed(filter, filterKey);
    return null;
  }
  render(
    <ApiProvider value={value}>
      <Probe />
    </ApiProvider>,
  );
  return { t, feed };
}

/** One animation frame and a task: the list applies pushed events on the next frame. */
export const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
