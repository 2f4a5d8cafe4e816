import type { CaptureDetail, HeaderPair } from '../../../../electron/shared/contract/captures';

/** Which of the captures to replay ended with trailer fields: how many, and the field names. */
export interface ReplayTrailers {
  captures: number;
  names: string[];
}

/**
 * The trailers the replay will leave out: the detail pane's capture's (`known`), or those of the captures the dialog
 * read (`useReplayCaptures`).
 */
export function replayTrailers(read: CaptureDetail[], known: HeaderPair[] | undefined): ReplayTrailers {
  const withTrailers = known ? [known] : read.map((c) => c.trailers);
  const names = new Set(withTrailers.flatMap((trailers) => trailers.map(([name]) => name)));
  return { captures: withTrailers.filter((trailers) => trailers.length > 0).length, names: [...names] };
}
