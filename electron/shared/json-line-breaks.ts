/** A character inside a JSON string written as its `\uXXXX` escape, so the text parses to the same value. */
export const escapedJsonChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text with U+0085 (NEL), U+2028 and U+2029 escaped. JSON.stringify leaves them raw, and readers that split lines
 * on them (Python's `str.splitlines()`, some editors) would cut a JSONL record, or a JSON string, in two. They can
 * only occur inside JSON strings, so the text parses to the same value.
 */
export function withLineBreaksEscaped(json: string): string {
  return json.replace(/[\u0085\u2028\u2029]/g, escapedJsonChar);
}
