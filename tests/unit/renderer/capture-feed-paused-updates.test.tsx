// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/shared/contract/client';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useCaptureFeed, type CaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(cleanup);

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

// A body over 64 KB is labelled after it is filed (capture.updated): one held by a paused list must show its label
// when the list resumes, as a listed one does.
describe('a paused list', () => {
  it('shows the labels of held captures that were updated while it was paused', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    let feed: CaptureFeed | null = null;
    function Probe() {
      feed = useCaptureFeed({}, 'all');
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
    act(() => feed!.setPaused(true));
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 2 })] }));
    await act(frame);
    expect(feed!.pendingCount).toBe(1);
    const labelled = captureSummary({ id: 2, vendor: 'Ortto', eventLabel: 'Created contact' });
    act(() => t.emit('capture.updated', { items: [labelled] }));
    act(() => feed!.setPaused(false));
    const items: CaptureSummary[] = feed!.items;
    expect(items.map((c) => [c.id, c.vendor, c.eventLabel])).toEqual([
      [2, 'Ortto', 'Created contact'],
      [1, null, null],
    ]);
  });
});
