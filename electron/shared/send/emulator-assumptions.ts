import type { EmulatorKind } from './emulators';

/**
 * What an emulation does that the vendor documents (seeds 000–004) do not say, so the user does not take it for the
 * platform's behaviour. Seed 004 gives Ortto's statuses and schedule; seed 000 gives Ontraport only "requests per
 * minute" and "number of retries"; DOMAIN-NOTES §6 lists what was not found.
 */
export const orttoAssumptions = [
  "a network error or timeout is retried like a 5xx (Ortto's documents speak only of response codes)",
  'an attempt times out after 30 s (Ortto documents no timeout)',
  'a Retry-After longer than the scheduled wait is honoured, up to a day (Ortto documents no Retry-After)',
] as const;

export const ontraportAssumptions = [
  'retries are one minute apart (Ontraport documents only their number)',
  'only 2xx counts as delivered (Ontraport documents no success codes)',
  'a Retry-After longer than the scheduled wait is honoured, up to a day (Ontraport documents no Retry-After)',
  '3 retries and 60 requests a minute when not set (Ontraport documents no defaults)',
] as const;

/** Subscription deliveries only: DOMAIN-NOTES §3.2 finds them shown both as form pairs and as JSON. */
export const ontraportSubscriptionAssumption =
  'the subscription wire format is undocumented (form pairs or JSON: choose the encoding)';

/** The assumptions behind one emulator kind. */
export function emulatorAssumptions(kind: EmulatorKind): string[] {
  if (kind.startsWith('ortto-')) return [...orttoAssumptions];
  return kind === 'ontraport-ping'
    ? [...ontraportAssumptions]
    : [...ontraportAssumptions, ontraportSubscriptionAssumption];
}
