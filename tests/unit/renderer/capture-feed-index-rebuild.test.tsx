// @vitest-environment happy-dom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureFilter } from '../../../electron/shared/contract/captures';
import { createApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useCaptureFeed, type CaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(cleanup);

const rows = (...ids: number[]) => ids.map((id) => captureSummary({ id }));

/**
 * After the custom labels change the engine empties the search index and indexes every capture again from the oldest.
 * A search fetched meanwhile holds only what the index has reached so far, and must take in the rest as it is reached.
 */
describe('a search fetched while the engine indexes everything again', () => {
  it('takes in the matches the index reaches after it was fetched', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    const feed: { current: CaptureFeed | null } = { current: null };
    function Probe({ filter, filterKey }: { filter: CaptureFilter; filterKey: string }) {
      feed.current = useCaptureFeed(filter, filterKey);
      return null;
    }
    const view = render(
      <ApiProvider value={value}>
        <Probe filter={{ text: 'OrderPaid' }} filterKey="q=OrderPaid" />
      </ApiProvider>,
    );
    await act(async () => {
      t.answer('captures.list', { items: rows(90), nextCursor: null });
      t.answer('captures.count', { count: 1, newestId: 90 });
    });
    const progress = (indexedUpTo: number) =>
      act(() =>
        t.emit('index.progress', { indexedUpTo, latestId: 100, lagRows: 100 - indexedUpTo, lagMs: 0 }),
      );
    const answerHead = async (items: number[]) => {
      await waitFor(() => expect(t.asked('captures.list').length).toBe(1), { timeout: 2_000 });
      await act(async () => {
        t.answer('captures.list', { items: rows(...items), nextCursor: null });
        while (t.asked('captures.count').length > 0)
          t.answer('captures.count', { count: items.length, newestId: items[0] });
      });
    };
    act(() => t.emit('capture.created', { items: rows(100) }));
    progress(100);
    await answerHead([100, 90]);
    // A dictionary import: relabelling starts and the index starts over from the oldest capture.
    act(() => t.emit('relabel.progress', { running: true, done: 0, total: 100 }));
    progress(10);

    view.rerender(
      <ApiProvider value={value}>
        <Probe filter={{ text: 'Refund' }} filterKey="q=Refund" />
      </ApiProvider>,
    );
    await act(async () => {
      t.answer('captures.list', { items: rows(5), nextCursor: null });
      t.answer('captures.count', { count: 1, newestId: 5 });
    });
    expect(feed.current!.items.map((c) => c.id)).toEqual([5]);

    // The index reaches capture 40, which now matches: the list asks for it.
    progress(50);
    await answerHead([40, 5]);
    expect(feed.current!.items.map((c) => c.id)).toEqual([40, 5]);
  });
});
