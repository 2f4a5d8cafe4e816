/**
 * C0 controls, DEL and the C1 controls draw as nothing or as empty boxes (`x\u0000\u001b[31m` reads as `x[31m`). Each
 * is written as the escape the Body tab's JSON tree shows (JSON.stringify's: `\u0000`, `\r`), DEL as `\u007f`, a C1
 * control (a header value read as Latin-1 can hold one: byte 0x85 is U+0085) as `\u0085`. Tab is kept; so are
 * newline and a CRLF line end in `multiline` text (a body), not in a one-line value (a header). With
 * `lineSeparators`, U+2028 and U+2029, which break the line in a <pre>, are escaped too.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CANDIDATES = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** One control character as `escapeControls` writes it: `\\u0000`, `\\r`, DEL as `\\u007f`, U+0085 as `\\u0085`. */
export const controlEscape = (char: string) => {
  const json = JSON.stringify(char).slice(1, -1);
  return json === char ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : json;
};

export function escapeControls(
  text: string,
  { multiline = true, lineSeparators = false }: { multiline?: boolean; lineSeparators?: boolean } = {},
): string {
  return text.replace(CANDIDATES, (char: string, offset: number) => {
    if (char === '\t') return char;
    if (multiline && (char === '\n' || (char === '\r' && text[offset + 1] === '\n'))) return char;
    if (!lineSeparators && (char === '\u2028' || char === '\u2029')) return char;
    return controlEscape(char);
  });
}
