// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureFilter } from '../../../electron/shared/contract/captures';
import { createApiClient } from '../../../electron/shared/contract/client';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Charts } from '../../../renderer/src/features/charts/Charts';
import { useCaptureFeed } from '../../../renderer/src/features/captures/use-capture-feed';
import { captureSummary } from '../../helpers/capture-summary';
import { scriptedTransport } from '../../helpers/scripted-transport';

afterEach(cleanup);

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** From after To: the FilterBar says no capture can match, and the API refuses such a filter. */
const backwards: CaptureFilter = { fromMs: 2_000_000, toMs: 1_000_000 };

describe('a backwards time range', () => {
  it('asks the engine nothing and shows an empty list counted 0', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    const seen = {
      ids: [] as number[],
      total: null as number | null,
      loading: true,
      error: null as string | null,
    };
    function Probe() {
      const feed = useCaptureFeed({ ...backwards, text: 'order' }, 'backwards');
      seen.ids = feed.items.map((c) => c.id);
      seen.total = feed.total;
      seen.loading = feed.loading;
      seen.error = feed.error;
      return null;
    }
    render(
      <ApiProvider value={value}>
        <Probe />
      </ApiProvider>,
    );
    await act(frame);
    // With a search the renderer cannot match an arrival itself: it would ask the engine for the newest matches.
    act(() => t.emit('capture.created', { items: [captureSummary({ id: 1, receivedAtMs: 1_500_000 })] }));
    await act(() => new Promise((done) => setTimeout(done, 400)));
    expect(t.asked('captures.list')).toEqual([]);
    expect(t.asked('captures.count')).toEqual([]);
    expect(seen).toEqual({ ids: [], total: 0, loading: false, error: null });
  });

  it('does not ask for the charts’ breakdown', async () => {
    const t = scriptedTransport();
    const value = { api: createApiClient(t.transport), connection: new ConnectionStatus() };
    render(
      <ApiProvider value={value}>
        <Charts filter={backwards} filterKey="backwards" arrivals={0} />
      </ApiProvider>,
    );
    await act(frame);
    expect(t.asked('captures.breakdown')).toEqual([]);
  });
});
