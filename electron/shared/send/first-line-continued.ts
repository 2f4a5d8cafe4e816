/**
 * True when the command's first line ends in `mark` (cmd's `^`, PowerShell's backtick) after a space, spaces after it
 * aside, outside any quote: a Windows line continuation. Inside a quote it is part of a bash body (Copy as cURL's
 * `--data-raw 'total ^⏎…'`), which the command is not to be read as Windows' for.
 */
export function firstLineContinued(command: string, mark: '^' | '`'): boolean {
  const line = new RegExp(`^([^\\n]*)\\s\\${mark}[ \\t]*\\r?\\n`).exec(command);
  return line !== null && /^(?:[^'"\\]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")*$/.test(line[1]!);
}
