import type { CaptureDetail } from '../../../../electron/shared/contract/captures';

/**
 * The captures to replay, oldest first: by the time each was received (an imported HAR's entries keep theirs, whatever
 * order they were imported in), then by id. One the dialog could not read (deleted meanwhile) goes last, by id; the
 * replay reports it.
 */
export function oldestFirst(
  captureIds: number[],
  read: Array<Pick<CaptureDetail, 'id' | 'receivedAtMs'>>,
): number[] {
  const receivedAt = new Map(read.map((c) => [c.id, c.receivedAtMs]));
  const time = (id: number) => receivedAt.get(id) ?? Number.POSITIVE_INFINITY;
  return [...captureIds].sort((a, b) => time(a) - time(b) || a - b);
}
