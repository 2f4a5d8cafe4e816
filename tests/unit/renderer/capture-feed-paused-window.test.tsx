// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWindowNow } from '../../../renderer/src/app/use-window-now';
import { useCaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { answerLoad, mountHook } from '../../helpers/mounted-feed';

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
    const { t, hook } = mountHook(() => {
      const pausedState = useState(false);
      const windowNow = useWindowNow('5m', pausedState[0]);
      const feed = useCaptureFeed({ fromMs: windowNow! - 300_000 }, `since=5m&now=${windowNow}`, pausedState);
      return { feed, windowNow };
    });
    await answerLoad(t);
    const frozenAt = hook.current!.windowNow;

    act(() => hook.current!.feed.setPaused(true));
    expect(hook.current!.feed.paused).toBe(true);
    act(() => void vi.advanceTimersByTime(61_000));
    expect(hook.current!.windowNow).toBe(frozenAt);
    expect(t.asked('captures.list')).toEqual([]);

    act(() => hook.current!.feed.setPaused(false));
    expect(hook.current!.windowNow).toBeGreaterThan(frozenAt!);
    expect(t.asked('captures.list')).toHaveLength(1);
  });
});
