// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

// The list's first page can be answered before the push event of a capture it already holds (the event is sent when
// the capture is filed, the page read it from the store): paused in between, that capture was counted as "1 new".
describe('a paused list', () => {
  it('does not count as new a capture it already lists', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => feed.current!.setPaused(true));
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 1 }), captureSummary({ id: 2 })] }));
    await act(frame);
    expect(feed.current!.pendingCount).toBe(1);
    act(() => feed.current!.setPaused(false));
    expect(feed.current!.items.map((c) => c.id)).toEqual([2, 1]);
  });
});
