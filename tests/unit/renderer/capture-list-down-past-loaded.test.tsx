// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../electron/shared/contract/captures';
import { CaptureList } from '../../../renderer/src/features/captures/CaptureList';
import type { Selection } from '../../../renderer/src/features/captures/selection';
import { summaries } from '../../helpers/mounted-feed';

afterEach(cleanup);

describe('capture list, ↓ on the last loaded row while more pages remain', () => {
  it('loads below it, then moves to the next row', () => {
    const loadedDownTo: number[] = [];
    const selected: Selection[] = [];
    const last = 801; // rows 1000…801 loaded, 800 and below on later pages
    const selection: Selection = { active: last, anchor: last, ids: new Set([last]) };
    const props = (items: CaptureSummary[], hasMore: boolean, loading: boolean) => ({
      items,
      hasMore,
      loading,
      loadMore: () => {},
      loadDownTo: (id: number) => void loadedDownTo.push(id),
      unread: new Set<number>(),
      selection,
      onSelect: (s: Selection) => void selected.push(s),
      onOpen: () => {},
      onDelete: () => true,
      onReplay: () => {},
      endpoints: new Map(),
      query: '',
      filterKey: 'all',
    });
    const { rerender } = render(<CaptureList {...props(summaries(1000, 200), true, false)} />);

    fireEvent.keyDown(screen.getByTestId('capture-list'), { key: 'ArrowDown' });
    expect(loadedDownTo).toEqual([last]);
    expect(selected).toEqual([]);

    rerender(<CaptureList {...props(summaries(1000, 200), true, true)} />);
    rerender(<CaptureList {...props(summaries(1000, 400), true, false)} />);
    expect(selected.map((s) => s.active)).toEqual([800]);
  });
});
