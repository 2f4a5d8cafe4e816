import { escapedJsonChar, withLineBreaksEscaped } from '../shared/json-line-breaks';

/**
 * JSON text safe for a terminal: JSON.stringify leaves C1 control characters (U+0080–U+009F) raw, and a terminal takes
 * U+009B as CSI, so a sender's header could drive it. Bidirectional overrides and isolates (U+202E…) are left raw too,
 * and reorder the line they are on; U+2028 and U+2029 break it (withLineBreaksEscaped). They can only occur inside
 * JSON strings, where \u00XX means the same character, so the text parses to the same value.
 */
export function withC1Escaped(json: string): string {
  return withLineBreaksEscaped(json).replace(
    /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    escapedJsonChar,
  );
}
