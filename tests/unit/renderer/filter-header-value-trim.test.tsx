// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { emptyFilter, type FilterState } from '../../../renderer/src/lib/filter-state';

afterEach(cleanup);

// A received header's value never starts or ends with whitespace (HTTP drops it), so a value pasted with a space or
// tab around it must be asked for without them, or the filter silently matches nothing.
describe('the Header filter', () => {
  it('applies a value without the whitespace around it, as the name is', () => {
    const changes: FilterState[] = [];
    render(<FilterBar filter={emptyFilter} onChange={(f) => changes.push(f)} endpoints={[]} count={0} />);
    fireEvent.click(screen.getByTestId('filter-header'));
    fireEvent.change(screen.getByTestId('header-name'), { target: { value: ' X-Shop ' } });
    fireEvent.change(screen.getByTestId('header-value'), { target: { value: ' south\t' } });
    fireEvent.click(screen.getByTestId('header-apply'));
    expect(changes.map((f) => f.header)).toEqual([{ name: 'X-Shop', value: 'south' }]);
  });

  it('a value of only whitespace asks for any value', () => {
    const changes: FilterState[] = [];
    render(<FilterBar filter={emptyFilter} onChange={(f) => changes.push(f)} endpoints={[]} count={0} />);
    fireEvent.click(screen.getByTestId('filter-header'));
    fireEvent.change(screen.getByTestId('header-name'), { target: { value: 'X-Shop' } });
    fireEvent.change(screen.getByTestId('header-value'), { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('header-apply'));
    expect(changes.map((f) => f.header)).toEqual([{ name: 'X-Shop', value: null }]);
  });
});
