// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useWindowNow } from '../../../renderer/src/app/use-window-now';
import { useCaptureFeed, type CaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/**
 * The inspector owns the feed's paused flag, so its "last 5m" window holds still however the feed is paused: each move
 * of the window fetches the list again, which would show what a paused list holds back.
 */
describe('a feed whose paused flag its caller owns', () => {
  it('pausing through the feed holds the caller’s time window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    const seen: { feed: CaptureFeed | null; windowNow: number | null } = { feed: null, windowNow: null };
    function Probe() {
      const pausedState = useState(false);
      const windowNow = useWindowNow('5m', pausedState[0]);
      seen.windowNow = windowNow;
      seen.feed = useCaptureFeed({ fromMs: windowNow! - 300_000 }, `since=5m&now=${windowNow}`, pausedState);
      return null;
    }
    render(
      <ApiProvider value={value}>
        <Probe />
      </ApiProvider>,
    );
    await act(async () => {
      t.answer('captures.list', { items: [captureSummary({ id: 1 })], nextCursor: null });
      t.answer('captures.count', { count: 1, newestId: 1 });
    });
    const frozenAt = seen.windowNow;

    act(() => seen.feed!.setPaused(true));
    expect(seen.feed!.paused).toBe(true);
    act(() => void vi.advanceTimersByTime(61_000));
    expect(seen.windowNow).toBe(frozenAt);
    expect(t.asked('captures.list')).toEqual([]);

    act(() => seen.feed!.setPaused(false));
    expect(seen.windowNow).toBeGreaterThan(frozenAt!);
    expect(t.asked('captures.list')).toHaveLength(1);
  });
});
