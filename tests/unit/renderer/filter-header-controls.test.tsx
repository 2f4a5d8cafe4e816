// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { emptyFilter } from '../../../renderer/src/lib/filter-state';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

afterEach(cleanup);

// The Header filter's name and value are typed, or come from a pasted link's hash.
describe('the Header filter, for a name and a value holding a right-to-left override and a NUL', () => {
  it('shows them as marks in its button', () => {
    const header = { name: `X-${HOSTILE}`, value: HOSTILE };
    render(
      <FilterBar filter={{ ...emptyFilter, header }} onChange={() => undefined} endpoints={[]} count={0} />,
    );
    const label = screen.getByTestId('filter-header').textContent!;
    expectMarked(label.slice(0, label.indexOf(' = ')));
    expectMarked(label.slice(label.indexOf(' = ')));
  });
});
