import type { CaptureDetail } from '../../../../electron/shared/contract/captures';

/**
 * The raw query of the first of the captures to replay that has one, or null when none does: the detail pane's
 * capture's (`known`), or from the captures the dialog read (`useReplayCaptures`).
 */
export function replayQuery(read: CaptureDetail[], known: string | undefined): string | null {
  if (known !== undefined) return known || null;
  return read.find((c) => c.query)?.query ?? null;
}
