import type { ErrorCode } from '../../shared/contract/index';

/** The HTTP status of an API error for the routes that answer one (the body and export downloads). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'unknown_method':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'internal':
      return 500;
    // Acknowledged but not filed (a full disk), or a part not running: a later try can succeed.
    case 'unavailable':
      return 503;
    case 'loop_detected':
      return 508;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
