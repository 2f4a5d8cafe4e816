import type { CaptureFilter } from '../../../electron/shared/contract/captures';

/**
 * From after To: no capture can match, and the API refuses the filter (invalid_input naming filter.fromMs), so the
 * views that query with it show nothing instead of asking.
 */
export function isBackwardsTimeRange(filter: CaptureFilter): boolean {
  return filter.fromMs !== undefined && filter.toMs !== undefined && filter.fromMs > filter.toMs;
}
