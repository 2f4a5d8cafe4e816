import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { harContentType } from '../../../../electron/shared/send/har-content-type';

/** Which of the captures to replay get a Content-Type from their HAR's postData: how many, and the types. */
export interface ReplayHarTypes {
  captures: number;
  types: string[];
}

/**
 * The Content-Types the replay adds to imported captures (see `harContentType`): the detail pane's capture's
 * (`known`, null for none), or from the captures the dialog read (`useReplayCaptures`).
 */
export function replayHarTypes(read: CaptureDetail[], known: string | null | undefined): ReplayHarTypes {
  const types = known !== undefined ? (known ? [known] : []) : read.flatMap((c) => harContentType(c) ?? []);
  return { captures: types.length, types: [...new Set(types)] };
}
