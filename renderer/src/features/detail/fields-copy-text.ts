import { escapeControls } from '../../../../electron/shared/control-escapes';

/**
 * A name or value as one line of a "Copy all": a line break copied as it is would read as a second pair, so control
 * characters (and U+2028/U+2029) are written as the escapes the app shows (`\r`, `\n`, `\u0000`).
 */
export const copiedOnOneLine = (text: string): string =>
  escapeControls(text, { multiline: false, lineSeparators: true });

/** Query parameters or form fields, one a line as written: `name=value`, or the bare name when sent with no `=`. */
export function fieldsCopyText(pairs: Array<[string, string]>, noEquals: readonly boolean[]): string {
  return pairs
    .map(([k, v], i) => (noEquals[i] ? copiedOnOneLine(k) : `${copiedOnOneLine(k)}=${copiedOnOneLine(v)}`))
    .join('\n');
}

/** Header fields, one a line: `Name: value`. */
export const headersCopyText = (pairs: Array<[string, string]>): string =>
  pairs.map(([k, v]) => `${copiedOnOneLine(k)}: ${copiedOnOneLine(v)}`).join('\n');
