import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { transferCodings } from '../../../../electron/shared/send/transfer-codings';

/** Which of the captures to replay came with a transfer coding besides chunked: how many, and the Content-Encodings sent. */
export interface ReplayTransferCodings {
  captures: number;
  /** Each distinct Content-Encoding the replay adds (`gzip`, `deflate, gzip`). */
  encodings: string[];
}

/**
 * The transfer codings the replay sends as a Content-Encoding (see `transferCodings`): the detail pane's capture's
 * (`known`), or from the captures the dialog read (`useReplayCaptures`).
 */
export function replayTransferCodings(
  read: CaptureDetail[],
  known: string[] | undefined,
): ReplayTransferCodings {
  const each = (known !== undefined ? [known] : read.map((c) => transferCodings(c.headers)))
    .filter((codings) => codings.length > 0)
    .map((codings) => codings.join(', '));
  return { captures: each.length, encodings: [...new Set(each)] };
}
