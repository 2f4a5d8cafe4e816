import type { CaptureDetail, HeaderPair } from '../../../../electron/shared/contract/captures';

/** Signature headers that sign the time of sending (Stripe's `t=`, Standard Webhooks / Svix, generic HMAC). */
const timestamped = new Set([
  'stripe-signature',
  'webhook-timestamp',
  'svix-timestamp',
  'x-webhook-timestamp',
]);

/** The timestamped signature headers of one request, by their captured names. */
export const timestampedSignatures = (headers: HeaderPair[]): string[] =>
  headers.filter(([name]) => timestamped.has(name.toLowerCase())).map(([name]) => name);

/** Which of the captures to replay carry a timestamped signature, which a replay sends as captured: stale. */
export interface ReplayStaleSignatures {
  captures: number;
  names: string[];
}

/** From the detail pane's capture's headers (`known`), or those of the captures the dialog read. */
export function replayStaleSignatures(
  read: CaptureDetail[],
  known: string[] | undefined,
): ReplayStaleSignatures {
  const perCapture = known ? [known] : read.map((c) => timestampedSignatures(c.headers));
  const names = new Set(perCapture.flat());
  return { captures: perCapture.filter((found) => found.length > 0).length, names: [...names] };
}
