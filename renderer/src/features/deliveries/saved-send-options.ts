import type { SendInput } from '../../../../electron/shared/contract/delivery';

/**
 * The saved options a send of a saved webhook may carry. Options can come from an imported file, so anything that
 * switches off a safety check (`allowLoop`) or stands in for the webhook's own fields (`name`, `policy`, `webhookId`)
 * is left out; the user's own answer to the loop question is added by the caller.
 */
const SENDABLE = [
  'customWaitsMs',
  'ontraport',
  'signing',
  'timeScale',
  'timeoutMs',
  'ratePerMinute',
  'concurrency',
] as const satisfies ReadonlyArray<keyof SendInput>;

export function sendableOptions(
  options: Record<string, unknown>,
): Partial<Pick<SendInput, (typeof SENDABLE)[number]>> {
  return Object.fromEntries(SENDABLE.filter((key) => key in options).map((key) => [key, options[key]]));
}
