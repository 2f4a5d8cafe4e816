import { ApiError } from '../../../../electron/shared/contract/errors';

/**
 * The loop guard's refusal as a person reads it, or null for any other error. The engine's message ends with the API
 * flag to pass (for API and CLI callers); the UI offers a button instead.
 */
export function loopRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'loop_detected') return null;
  return error.message.replace(/\s*Pass allowLoop: true to send anyway\.?\s*$/, '');
}
