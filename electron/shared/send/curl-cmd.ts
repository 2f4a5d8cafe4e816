import { firstLineContinued } from './first-line-continued';
import { spacedContinuationWarning } from './spaced-continuation';

/**
 * Commands for Windows cmd.exe, as browsers' "Copy as cURL (cmd)" writes them: each argument in `^"…^"`, `\^"` for a
 * quote, `^` before each character cmd would act on, `%^` for `%`, and ` ^` at each line end. Older exporters quote
 * with plain `"…"` and double an inner `"`. Read as Windows does: cmd takes out its carets, then curl.exe's C runtime
 * splits what is left into words.
 */
export function isCmdCommand(command: string): boolean {
  // A `^"` first argument, a first line continued with `^`, or curl.exe: no bash command pasted from a tool looks like
  // that. (A later ` ^` at a line end may be inside a quoted bash body.)
  return (
    /^\s*curl(\.exe)?\s+\^"/i.test(command) ||
    firstLineContinued(command, '^') ||
    /^\s*curl\.exe\s/i.test(command)
  );
}

/** The words curl.exe receives, or a message naming what is wrong with the quoting. */
export function cmdWords(command: string): { words: string[]; warnings: string[] } | string {
  const warnings: string[] = [];
  const words = runtimeSplit(cmdUnescape(command.replace(/\r\n/g, '\n').trim(), warnings));
  return typeof words === 'string' ? words : { words, warnings };
}

/**
 * cmd's pass: `^x` is `x`; a `^` before a line break joins the next line and takes its first character as it is (so
 * `^` and two line breaks is one line break). Inside `"…"` a caret is an ordinary character.
 */
function cmdUnescape(command: string, warnings: string[]): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === '"') quoted = !quoted;
    if (c !== '^' || quoted) {
      out += c;
      continue;
    }
    const spaces = /^[ \t]+(?=\n)/.exec(command.slice(i + 1))?.[0] ?? '';
    if (spaces !== '') {
      if (warnings.length === 0) warnings.push(spacedContinuationWarning('^'));
      i += spaces.length;
    }
    if (command[i + 1] === '\n') i++;
    if (i + 1 < command.length) out += command[++i];
  }
  return out;
}

/**
 * The Microsoft C runtime's rules: words end at unquoted white space, `"` starts and ends quoting, `""` inside quotes is
 * a quote; backslashes are literal except before `"`, where each pair is one backslash and an odd one escapes it.
 */
function runtimeSplit(line: string): string[] | string {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let n = 1;
      while (line[i + n] === '\\') n++;
      if (line[i + n] === '"') {
        word += '\\'.repeat(Math.floor(n / 2)) + (n % 2 === 1 ? '"' : '');
        i += n % 2 === 1 ? n : n - 1;
      } else {
        word += '\\'.repeat(n);
        i += n - 1;
      }
      inWord = true;
    } else if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        word += '"';
        i++;
      } else quoted = !quoted;
      inWord = true;
    } else if (!quoted && /\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quoted) return 'command: a " quote is never closed (was the command cut short?)';
  if (inWord) words.push(word);
  return words;
}
