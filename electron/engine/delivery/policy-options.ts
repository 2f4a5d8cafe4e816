import { ApiError } from '../../shared/contract/errors';
import type { DeliveryPolicy } from '../../shared/contract/delivery';

/**
 * A retry policy's own settings given with another policy would be dropped without a word (the delivery would retry
 * differently from what the sender asked): refuse them, naming the field, as a custom policy without its waits.
 */
export function assertPolicyOptions(options: {
  policy?: DeliveryPolicy;
  customWaitsMs?: unknown;
  ontraport?: { requestsPerMinute?: unknown };
  ratePerMinute?: unknown;
}): void {
  const policy = options.policy ?? 'none';
  // Without its waits a custom policy would make one attempt and never retry, which the sender did not ask for.
  if (policy === 'custom' && options.customWaitsMs === undefined)
    throw new ApiError(
      'invalid_input',
      'customWaitsMs: required with policy "custom" (the wait before each retry, in ms; [] for no retries)',
    );
  if (options.customWaitsMs !== undefined && policy !== 'custom')
    throw new ApiError(
      'invalid_input',
      `customWaitsMs: only used with policy "custom" (the policy is "${policy}")`,
    );
  if (options.ontraport !== undefined && policy !== 'ontraport')
    throw new ApiError(
      'invalid_input',
      `ontraport: only used with policy "ontraport" (the policy is "${policy}")`,
    );
  // Both set the destination's rate; one would be dropped without a word.
  if (options.ontraport?.requestsPerMinute !== undefined && options.ratePerMinute !== undefined)
    throw new ApiError(
      'invalid_input',
      'ontraport.requestsPerMinute: sets the same per-destination rate as ratePerMinute; give only one of them',
    );
}
