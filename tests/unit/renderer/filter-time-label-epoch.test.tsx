// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { formatDateTime } from '../../../renderer/src/lib/format';
import { emptyFilter } from '../../../renderer/src/lib/filter-state';

afterEach(cleanup);

describe('the Time filter button', () => {
  it('names a From or To time of exactly 0 (the epoch), not "…" or "now"', () => {
    const epoch = formatDateTime(0).slice(0, 16);
    render(
      <FilterBar
        filter={{ ...emptyFilter, fromMs: 0 }}
        onChange={() => undefined}
        endpoints={[]}
        count={0}
      />,
    );
    expect(screen.getByTestId('filter-time').textContent).toContain(`: ${epoch} → now`);
    cleanup();
    render(
      <FilterBar
        filter={{ ...emptyFilter, fromMs: -60_000, toMs: 0 }}
        onChange={() => undefined}
        endpoints={[]}
        count={0}
      />,
    );
    expect(screen.getByTestId('filter-time').textContent).toContain(`→ ${epoch}`);
  });
});
