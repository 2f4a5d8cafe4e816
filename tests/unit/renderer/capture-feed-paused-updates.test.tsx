// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { captureSummary } from '../../helpers/capture-summary';
import { answerLoad, frame, mountFeed } from '../../helpers/mounted-feed';

afterEach(cleanup);

// A body over 64 KB is labelled after it is filed (capture.updated): one held by a paused list must show its label
// when the list resumes, as a listed one does.
describe('a paused list', () => {
  it('shows the labels of held captures that were updated while it was paused', async () => {
    const { t, feed } = mountFeed();
    await answerLoad(t);
    act(() => feed.current!.setPaused(true));
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 2 })] }));
    await act(frame);
    expect(feed.current!.pendingCount).toBe(1);
    const labelled = captureSummary({ id: 2, vendor: 'Ortto', eventLabel: 'Created contact' });
    act(() => t.emit('capture.updated', { items: [labelled] }));
    act(() => feed.current!.setPaused(false));
    const items: CaptureSummary[] = feed.current!.items;
    expect(items.map((c) => [c.id, c.vendor, c.eventLabel])).toEqual([
      [2, 'Ortto', 'Created contact'],
      [1, null, null],
    ]);
  });
});
