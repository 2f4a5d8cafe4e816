/**
 * A typed header name with its `{{variables}}` filled in: trimmed first, so spaces around the name never reach the
 * wire. The composer and a saved webhook's send fill names by this one rule.
 */
export function fillHeaderName(name: string, fill: (text: string) => string): string {
  return fill(name.trim());
}
