import { useMemo } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { decodedFields } from '../../../../electron/shared/decode/body';
import { fieldsCopyText } from './fields-copy-text';
import { PairsTable } from './PairsTable';

/** The capture's query parameters; one written with no `=` (`?flag`) is marked, and copied so, apart from `?flag=`. */
export function QueryTab({ d, query }: { d: CaptureDetail; query: string }) {
  const noEquals = useMemo(() => decodedFields(d.query).map((field) => field.noEquals), [d.query]);
  return (
    <PairsTable
      pairs={d.queryParams}
      query={query}
      empty="No query string."
      label="query parameters"
      one="query parameter"
      caseSensitiveNames
      noEquals={noEquals}
      copyFormat={(p) => fieldsCopyText(p, noEquals)}
    />
  );
}
