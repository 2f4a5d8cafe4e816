/**
 * The first control character in a header value that the HTTP client (undici) refuses, written `U+0001`, or null. Tab
 * is allowed; line breaks and NUL have their own message where headers are checked. Refused only when the attempt is
 * made, such a value would fail the delivery instead of being named where it was typed.
 */
export function refusedHeaderControl(value: string): string | null {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const found = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(value);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
