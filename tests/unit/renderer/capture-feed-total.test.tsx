// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useCaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(cleanup);

const summary = (id: number) => captureSummary({ id, path: `/c/${id}` });

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** Renders the feed over the scripted transport; `seen` follows its ids, total and loading state. */
function probe(t: ReturnType<typeof scriptedTransport>) {
  const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
  const seen: { ids: number[]; total: number | null; loading: boolean } = {
    ids: [],
    total: null,
    loading: true,
  };
  function Probe() {
    const feed = useCaptureFeed({}, 'all');
    seen.ids = feed.items.map((c) => c.id);
    seen.total = feed.total;
    seen.loading = feed.loading;
    return null;
  }
  render(
    <ApiProvider value={value}>
      <Probe />
    </ApiProvider>,
  );
  return seen;
}

describe('live list total', () => {
  it('does not count a capture twice when its event is applied after a count that already includes it', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    let total: number | null = null;
    function Probe() {
      total = useCaptureFeed({}, 'all').total;
      return null;
    }
    render(
      <ApiProvider value={value}>
        <Probe />
      </ApiProvider>,
    );
    // Capture 1 is committed: its event is pushed (applied at the next frame) while the first page and the count,
    // which already include it, are still on their way.
    act(() => t.emit('capture.created', { items: [summary(1)] }));
    await act(async () => {
      t.answer('captures.list', { items: [summary(1)], nextCursor: null });
      t.answer('captures.count', { count: 1, newestId: 1 });
    });
    await act(frame);
    expect(total).toBe(1);
    // A capture that really is new still counts.
    act(() => t.emit('capture.created', { items: [summary(2)] }));
    await act(frame);
    expect(total).toBe(2);
  });

  it('does not count twice a capture filed between the first page and the count answered with it', async () => {
    const t = scriptedTransport();
    const seen = probe(t);
    // The page was read before capture 2 was filed; the count after, so it includes capture 2.
    await act(async () => {
      t.answer('captures.list', { items: [summary(1)], nextCursor: null });
      t.answer('captures.count', { count: 2, newestId: 2 });
    });
    await act(frame);
    expect(seen.total).toBe(2);
    act(() => t.emit('capture.created', { items: [summary(2)] }));
    await act(frame);
    expect(seen.total).toBe(2);
  });

  it('counts a capture filed between the count and the first page answered with it', async () => {
    const t = scriptedTransport();
    const seen = probe(t);
    // The count was read before capture 2 was filed; the page after, so it lists capture 2.
    await act(async () => {
      t.answer('captures.count', { count: 1, newestId: 1 });
      t.answer('captures.list', { items: [summary(2), summary(1)], nextCursor: null });
    });
    await act(frame);
    expect(seen.total).toBe(2);
    act(() => t.emit('capture.created', { items: [summary(2)] }));
    await act(frame);
    expect(seen.total).toBe(2);
  });
});

describe('deletes while a fetch is on its way', () => {
  it('a delete-all drops the answer of a first page asked before it', async () => {
    const t = scriptedTransport();
    const seen = probe(t);
    act(() => t.emit('capture.deleted', { ids: [], all: true }));
    await act(async () => {
      t.answer('captures.list', { items: [summary(2), summary(1)], nextCursor: null });
      t.answer('captures.count', { count: 2, newestId: 2 });
    });
    await act(frame);
    expect(seen.ids).toEqual([]);
    expect(seen.total).toBe(0);
    expect(seen.loading).toBe(false);
  });

  it('deleted ids do not come back with a page asked before their delete', async () => {
    const t = scriptedTransport();
    const seen = probe(t);
    act(() => t.emit('capture.deleted', { ids: [2], all: false }));
    await act(async () => {
      t.answer('captures.list', { items: [summary(3), summary(2), summary(1)], nextCursor: null });
      t.answer('captures.count', { count: 2, newestId: 3 });
    });
    await act(frame);
    expect(seen.ids).toEqual([3, 1]);
  });
});
