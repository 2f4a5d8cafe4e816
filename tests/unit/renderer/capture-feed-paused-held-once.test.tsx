// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

/**
 * A paused list hears of a capture twice when a head refresh (the event stream opening) reads it before its own
 * `capture.created` arrives: it is one new capture, not two.
 */
describe('a paused list told of the same capture by a head refresh and by its event', () => {
  it('holds it once', async () => {
    const { t, feed, connection } = mountFeed({ fromMs: 0 }, 'since=all');
    await answerLoad(t);
    act(() => feed.current!.setPaused(true));
    act(() => connection.set('open'));
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    await act(async () =>
      t.answer('captures.list', {
        items: [captureSummary({ id: 2 }), captureSummary({ id: 1 })],
        nextCursor: null,
      }),
    );
    await waitFor(() => expect(feed.current!.pendingCount).toBe(1));

    act(() => t.emit('capture.created', { items: [captureSummary({ id: 2 })] }));
    await act(frame);
    expect(feed.current!.pendingCount).toBe(1);

    act(() => feed.current!.setPaused(false));
    expect(feed.current!.items.map((c) => c.id)).toEqual([2, 1]);
  });

  it('holds it once when the event comes first', async () => {
    const { t, feed, connection } = mountFeed({ fromMs: 0 }, 'since=all');
    await answerLoad(t);
    act(() => feed.current!.setPaused(true));
    act(() => connection.set('open'));
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 2 })] }));
    await act(frame);
    expect(feed.current!.pendingCount).toBe(1);
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    await act(async () =>
      t.answer('captures.list', {
        items: [captureSummary({ id: 2 }), captureSummary({ id: 1 })],
        nextCursor: null,
      }),
    );
    await act(frame);
    expect(feed.current!.pendingCount).toBe(1);
  });
});
