import { z } from 'zod';

/**
 * Canonical base64 (RFC 4648, padded): whole 4-character groups, `=` only as padding. A laxer check lets bytes change
 * silently on decode ('a' decodes to nothing, 'abc' to two bytes).
 */
export const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not base64');
