// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { emptyFilter, type FilterState } from '../../../renderer/src/lib/filter-state';

afterEach(cleanup);

// The Status code box refused `4xx` and had no way to add `1xx`, where the URL's `status=1xx` and the CLI's
// `--status 1xx` take a class.
const typeStatus = (value: string) => {
  const changes: FilterState[] = [];
  render(<FilterBar filter={emptyFilter} onChange={(f) => changes.push(f)} endpoints={[]} count={0} />);
  fireEvent.click(screen.getByTestId('filter-status'));
  const box = screen.getByTestId('status-exact');
  fireEvent.change(box, { target: { value } });
  fireEvent.submit(box.closest('form')!);
  return changes.map((f) => f.statuses);
};

it('adds a status class typed in the Status code box, 1xx as well', () => {
  expect(typeStatus('1xx')).toEqual([['1xx']]);
  cleanup();
  expect(typeStatus('4XX')).toEqual([['4xx']]);
  cleanup();
  expect(typeStatus('404')).toEqual([['404']]);
});

it('refuses anything else with a message naming codes and classes', () => {
  expect(typeStatus('6xx')).toEqual([]);
  expect(screen.getByRole('alert').textContent).toMatch(/Status: .*100 to 599.*1xx to 5xx/);
});
