// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { CaptureList } from '../../../renderer/src/features/captures/CaptureList';
import type { Selection } from '../../../renderer/src/features/captures/selection';
import { summaries } from '../../helpers/mounted-feed';

afterEach(cleanup);

const LOADED = 40_000;

/** `rows` behind a proxy that counts every row read by index. */
function counted(rows: CaptureSummary[]) {
  const reads = { n: 0 };
  const items = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { items, reads };
}

describe('capture list with a deep list loaded', () => {
  it('reads a few rows per live update, not every loaded row', () => {
    // The active capture is the oldest loaded, as after a deep link (#sel=) to a capture far down.
    const oldest = 1;
    const selection: Selection = { active: oldest, anchor: oldest, ids: new Set([oldest]) };
    const props = (items: CaptureSummary[]) => ({
      items,
      hasMore: false,
      loading: false,
      loadMore: () => {},
      loadDownTo: () => {},
      unread: new Set<number>(),
      selection,
      onSelect: () => {},
      onOpen: () => {},
      onDelete: () => true,
      onReplay: () => {},
      endpoints: new Map(),
      query: '',
      filterKey: 'all',
    });
    const { rerender } = render(<CaptureList {...props(summaries(LOADED, LOADED))} />);

    // Ten frames of arrivals, each a new list three captures longer.
    let rows = summaries(LOADED, LOADED);
    let reads = 0;
    for (let f = 1; f <= 10; f++) {
      rows = summaries(LOADED + 3 * f, 3).concat(rows);
      const list = counted(rows);
      rerender(<CaptureList {...props(list.items)} />);
      reads += list.reads.n;
    }

    // A scan of the loaded rows in one of those renders alone would be 40,000 reads.
    expect(reads).toBeLessThan(LOADED);
  });
});
