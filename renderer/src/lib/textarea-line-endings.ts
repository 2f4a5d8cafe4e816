/** True when a text breaks its lines with CRLF only (a Windows file, an HTTP message), with at least one break. */
const crlfOnly = (text: string) => /\r\n/.test(text) && !/\r(?!\n)|(?<!\r)\n/.test(text);

/**
 * A textarea's edited value written with the line endings of the text it was showing. A textarea reads every line break
 * back as LF, so one keystroke in a CRLF body would otherwise change every line break sent.
 */
export function withLineEndingsOf(shown: string, edited: string): string {
  return crlfOnly(shown) ? edited.replace(/\r?\n/g, '\r\n') : edited;
}
