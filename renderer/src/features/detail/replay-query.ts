import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import type { TargetQuery } from '../../../../electron/shared/send/query-suffix';

/** The target's query, or the bare `?` it ended in: either is kept by a replay keeping the query. */
const hasQuery = (target: TargetQuery) => target.query !== '' || target.emptyQuery === true;

/**
 * The query of the first of the captures to replay that has one (a bare `?` counts), or null when none does: the
 * detail pane's capture's (`known`), or from the captures the dialog read (`useReplayCaptures`).
 */
export function replayQuery(read: CaptureDetail[], known: TargetQuery | undefined): TargetQuery | null {
  if (known !== undefined) return hasQuery(known) ? known : null;
  return read.find(hasQuery) ?? null;
}
