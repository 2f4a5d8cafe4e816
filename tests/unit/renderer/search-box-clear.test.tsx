// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { SearchBox } from '../../../renderer/src/features/search/SearchBox';
import { emptyFilter, type FilterState } from '../../../renderer/src/lib/filter-state';

// Typing, then Clear filters within the pause before the text applies: the typed text stayed in the box and was
// applied after the clear, so the list came back filtered by it.
beforeEach(() => vi.useFakeTimers());
afterEach(() => (cleanup(), vi.useRealTimers()));

it('Clear filters drops text typed but not applied yet', () => {
  const applied: string[] = [];
  const onChange = (text: string) => applied.push(text);
  const { rerender } = render(<SearchBox value="" onChange={onChange} clears={0} />);
  fireEvent.change(screen.getByTestId('search'), { target: { value: 'refund' } });
  act(() => vi.advanceTimersByTime(100));
  rerender(<SearchBox value="" onChange={onChange} clears={1} />);
  act(() => vi.advanceTimersByTime(1000));
  expect(applied).toEqual([]);
  expect(screen.getByTestId<HTMLInputElement>('search').value).toBe('');
});

it('still applies typed text after the pause', () => {
  const applied: string[] = [];
  render(<SearchBox value="" onChange={(text) => applied.push(text)} clears={0} />);
  fireEvent.change(screen.getByTestId('search'), { target: { value: 'refund' } });
  act(() => vi.advanceTimersByTime(300));
  expect(applied).toEqual(['refund']);
});

it('the filter bar hands Clear filters to onClear, which the app uses to clear the search box too', () => {
  const cleared: string[] = [];
  const changes: FilterState[] = [];
  render(
    <FilterBar
      filter={{ ...emptyFilter, statuses: ['4xx'] }}
      onChange={(f) => changes.push(f)}
      onClear={() => cleared.push('clear')}
      endpoints={[]}
      count={0}
    />,
  );
  fireEvent.click(screen.getByTestId('filter-clear'));
  expect(cleared).toEqual(['clear']);
  expect(changes).toEqual([]);
});
