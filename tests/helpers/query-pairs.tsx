import { render } from '@testing-library/react';
import { PairsTable } from '../../renderer/src/features/detail/PairsTable';

/** The detail view's query parameter table over `pairs` (names compared as sent when `caseSensitiveNames`). */
export const renderQueryPairs = (pairs: [string, string][], caseSensitiveNames = false) =>
  render(
    <PairsTable
      label="query parameters"
      one="query parameter"
      empty="none"
      caseSensitiveNames={caseSensitiveNames}
      pairs={pairs}
    />,
  );
