// @vitest-environment happy-dom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useCaptureFeed, type CaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(cleanup);

const rows = (...ids: number[]) => ids.map((id) => captureSummary({ id }));

/**
 * After the custom labels change (a dictionary imported, edited or deleted), the engine labels every stored capture
 * again and indexes it again: a search for a label now matches other captures, which only the engine can tell.
 */
describe('a searched list when the custom labels change', () => {
  it('is fetched again once the captures are relabelled and indexed again', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    const feed: { current: CaptureFeed | null } = { current: null };
    function Probe() {
      feed.current = useCaptureFeed({ text: 'OrderPaid' }, 'q=OrderPaid');
      return null;
    }
    render(
      <ApiProvider value={value}>
        <Probe />
      </ApiProvider>,
    );
    await act(async () => {
      t.answer('captures.list', { items: rows(2, 1), nextCursor: null });
      t.answer('captures.count', { count: 2, newestId: 2 });
    });
    const progress = (indexedUpTo: number, lagRows: number) =>
      act(() => t.emit('index.progress', { indexedUpTo, latestId: 3, lagRows, lagMs: 0 }));
    act(() => t.emit('relabel.progress', { running: true, done: 0, total: 3 }));
    progress(0, 3);
    act(() => t.emit('relabel.progress', { running: false, done: 3, total: 3 }));
    progress(3, 0);
    // Capture 3 is labelled OrderPaid now, capture 2 no longer is.
    await waitFor(() => expect(t.asked('captures.list').length).toBeGreaterThan(0));
    await act(async () => {
      while (t.asked('captures.list').length > 0)
        t.answer('captures.list', { items: rows(3, 1), nextCursor: null });
      while (t.asked('captures.count').length > 0) t.answer('captures.count', { count: 2, newestId: 3 });
    });
    expect(feed.current!.items.map((c) => c.id)).toEqual([3, 1]);
    expect(feed.current!.total).toBe(2);
  });
});
