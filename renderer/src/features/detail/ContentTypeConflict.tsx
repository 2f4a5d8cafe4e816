import type { HeaderPair } from '../../../../electron/shared/contract/captures';
import { conflictingContentTypes } from './content-type-conflict';

/** A warning beside the content type when the request sent more than one: every value, as text. */
export function ContentTypeConflict({ headers }: { headers: HeaderPair[] }) {
  const types = conflictingContentTypes(headers);
  if (!types) return null;
  return (
    <div className="notice notice-warn" data-testid="content-type-conflict">
      Sent {types.length} different Content-Type headers, so the type is ambiguous (a sender mistake, or a
      request built to be read one way here and another elsewhere). Shown and decoded as the first:{' '}
      {types.map((type, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <span className="mono">{type}</span>
        </span>
      ))}
      .
    </div>
  );
}
