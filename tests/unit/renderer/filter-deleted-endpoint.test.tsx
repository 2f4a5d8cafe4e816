// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { emptyFilter, type FilterState } from '../../../renderer/src/lib/filter-state';
import { endpointFixture } from '../../helpers/endpoint';

afterEach(cleanup);

const endpoint = endpointFixture;

const endpoints = [endpoint(1, 'Default', 'default'), endpoint(2, 'Ortto', 'ortto')];

function openEndpointMenu(filter: FilterState, list = endpoints) {
  const changes: FilterState[] = [];
  render(<FilterBar filter={filter} onChange={(f) => changes.push(f)} endpoints={list} count={0} />);
  fireEvent.click(screen.getByTestId('filter-endpoint'));
  const checked = [...document.querySelectorAll<HTMLInputElement>('.popover input[name="ep"]')]
    .filter((input) => input.checked)
    .map((input) => input.closest('label')!.textContent!.trim());
  return { changes, checked };
}

describe('the Endpoint filter menu', () => {
  it('shows a filter on a deleted endpoint as a checked entry, which "Any" clears', () => {
    const { changes, checked } = openEndpointMenu({ ...emptyFilter, endpointId: 7 });
    expect(screen.getByTestId('filter-endpoint').textContent).toContain('Endpoint: deleted endpoint #7');
    expect(checked).toEqual(['deleted endpoint #7']);
    fireEvent.click(screen.getByLabelText('Any'));
    expect(changes.map((f) => f.endpointId)).toEqual([null]);
  });

  it('checks a listed endpoint alone, and adds no entry before the endpoints are listed', () => {
    expect(openEndpointMenu({ ...emptyFilter, endpointId: 2 }).checked).toEqual(['Ortto /h/ortto']);
    cleanup();
    expect(openEndpointMenu({ ...emptyFilter, endpointId: 7 }, []).checked).toEqual([]);
  });
});
