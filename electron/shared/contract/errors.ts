/** Stable error codes that cross the API boundary. Never rename one: clients match on them. */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'unavailable',
  'payload_too_large',
  'loop_detected',
  'internal',
  'method_not_allowed',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown inside the engine; the dispatcher turns it into `{ ok: false, error }`. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    typeof (value as ApiErrorShape).message === 'string'
  );
}
