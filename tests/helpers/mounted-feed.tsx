import { act, render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { createApiClient } from '../../electron/shared/contract/client';
import type { CaptureFilter } from '../../electron/shared/contract/captures';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { useCaptureFeed, type CaptureFeed } from '../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from './capture-summary';
import { scriptedTransport } from './scripted-transport';

/** `use` (a hook) mounted over a scripted transport: the test answers its calls and pushes its events. */
export function mountHook<T>(use: () => T) {
  const t = scriptedTransport();
  const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
  const hook: { current: T | null } = { current: null };
  function Probe() {
    hook.current = use();
    return null;
  }
  render(
    <ApiProvider value={value}>
      <Probe />
    </ApiProvider>,
  );
  return { t, hook, connection: value.connection };
}

/** The capture list's hook mounted over a scripted transport: the test answers its calls and pushes its events. */
export function mountFeed(filter: CaptureFilter = {}, filterKey = 'all') {
  const { t, hook, connection } = mountHook((): CaptureFeed => useCaptureFeed(filter, filterKey));
  return { t, feed: hook, connection };
}

export type FeedTransport = ReturnType<typeof mountFeed>['t'];

/** Answers the list's load: captures `ids` (newest first) as the only page, and their count. */
export async function answerLoad(t: FeedTransport, ids: number[] = [1]) {
  await act(async () => {
    t.answer('captures.list', { items: ids.map((id) => captureSummary({ id })), nextCursor: null });
    t.answer('captures.count', { count: ids.length, newestId: Math.max(...ids) });
  });
}

/** One animation frame and a task: the list applies pushed events on the next frame. */
export const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** `count` list rows with ids counting down from `from`. */
export const summaries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => captureSummary({ id: from - i }));

/**
 * A search for "invoice" holding capture 1, paused, after capture 20,000 arrived: the engine matches a search's
 * arrivals, so the (debounced) head refresh has asked for its first page of new matches.
 */
export async function mountPausedSearch() {
  const { t, feed } = mountFeed({ text: 'invoice' }, 'q=invoice');
  await answerLoad(t);
  act(() => feed.current!.setPaused(true));
  act(() => t.emit('capture.created', { items: [captureSummary({ id: 20_000 })] }));
  await act(frame);
  await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
  return { t, feed: () => feed.current! };
}

/** Answers the head refresh's pages from 20,000 down: `sizes` items each, every page but the last saying more follow. */
export async function answerHeadPages(t: FeedTransport, sizes: number[], last: boolean) {
  let top = 20_000;
  for (const [i, size] of sizes.entries()) {
    await waitFor(() => expect(t.asked('captures.list')).toHaveLength(1));
    const items = summaries(top, size);
    top -= size;
    const more = !last || i < sizes.length - 1;
    await act(async () => t.answer('captures.list', { items, nextCursor: more ? top + 1 : null }));
  }
}
