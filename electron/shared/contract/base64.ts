import { z } from 'zod';

/**
 * Canonical base64 (RFC 4648, padded): whole 4-character groups, `=` only as padding. A laxer check lets bytes change
 * silently on decode ('a' decodes to nothing, 'abc' to two bytes). Checked as the alphabet, at most two `=` and a
 * length in whole groups: a regex repeating a 4-character group overflows the stack from about 3 MB of body.
 */
export const base64 = z
  .string()
  .refine((value) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value), 'not base64');
