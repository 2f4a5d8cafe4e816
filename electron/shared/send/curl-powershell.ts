import { firstLineContinued } from './first-line-continued';
import { spacedContinuationWarning } from './spaced-continuation';

/**
 * Commands for PowerShell, as API docs write them for Windows: ` \`` at each line end continues the line, `'…'` is
 * literal (`''` for a quote), `"…"` takes backtick escapes (`` `n ``, `` `" ``, …) and `""` for a quote. A backtick
 * outside quotes escapes the next character. Read with PowerShell 7.3's rules for passing arguments to a program.
 */
export function isPowerShellCommand(command: string): boolean {
  // A first line continued with a backtick: neither bash (where it opens a command substitution) nor cmd reads that.
  if (firstLineContinued(command, '`')) return true;
  // `curl.exe` is how PowerShell reaches curl past its `curl` alias; with a '…' word (outside "…"), which cmd would pass
  // on quotes and all (`-u 'me:pw'` as the user `'me`), it was written for PowerShell.
  return /^\s*curl\.exe\s/i.test(command) && /(^|\s)'/.test(command.replace(/"(?:[^"]|"")*"/g, '""'));
}

/** What a backtick followed by this character stands for inside `"…"`; any other character stands for itself. */
const doubleQuoteEscapes: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A variable (`$TOKEN`, `$env:TOKEN`, `${my var}`) or a subexpression (`$(…)`) PowerShell expands outside '…'. */
const expansion = /^\$(?:\{[^}]*\}|\([^)]*\)|(?:[A-Za-z_][A-Za-z0-9_]*:)?[A-Za-z_][A-Za-z0-9_]*)/;

/** The words the program receives, or a message naming what is wrong with the quoting. */
export function powerShellWords(command: string): { words: string[]; warnings: string[] } | string {
  const line = command.trim();
  const words: string[] = [];
  const warnings: string[] = [];
  let expanded: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  const end = () => {
    if (expanded.length > 0) warnings.push(expansionWarning(words.at(-1), word, expanded));
    if (inWord) words.push(word);
    word = '';
    inWord = false;
    expanded = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'" && line[i + 1] === "'") {
        word += "'";
        i++;
      } else if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (c === '`') {
      const spaces = quote === null ? (/^[ \t]+(?=\r?\n|$)/.exec(line.slice(i + 1))?.[0] ?? '') : '';
      if (spaces !== '' && !warnings.includes(spacedContinuationWarning('a backtick')))
        warnings.push(spacedContinuationWarning('a backtick'));
      i += spaces.length;
      const next = line[i + 1] ?? '';
      const newline = next === '\n' ? 1 : next === '\r' && line[i + 2] === '\n' ? 2 : 0;
      // A backtick ending the last line as well continues into nothing.
      if ((newline > 0 || next === '') && quote === null) {
        end();
        i += newline;
        continue;
      }
      word += quote === '"' ? (doubleQuoteEscapes[next] ?? next) : next;
      inWord = true;
      i++;
      continue;
    }
    const variable = c === '$' ? expansion.exec(line.slice(i)) : null;
    if (variable) {
      expanded.push(variable[0]);
      word += variable[0];
      inWord = true;
      i += variable[0].length - 1;
      continue;
    }
    if (quote === '"') {
      if (c === '"' && line[i + 1] === '"') {
        word += '"';
        i++;
      } else if (c === '"') quote = null;
      else word += c;
      continue;
    }
    // A comment runs to the line's end, where the command ends (its line continued no further).
    if (c === '#' && !inWord) break;
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) end();
    else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return `command: a ${quote} quote is never closed (was the command cut short?)`;
  end();
  return { words, warnings };
}

/** Said of a word holding an expansion: the literal text goes out where PowerShell would have put a value. */
function expansionWarning(previous: string | undefined, word: string, expanded: string[]): string {
  const option = previous?.startsWith('-') && !word.startsWith('-') ? `${previous} ` : '';
  const shown = word.length > 80 ? `${word.slice(0, 80)}…` : word;
  return `${option}"${shown}": PowerShell would replace ${expanded.join(', ')}; left unexpanded here — put ${
    expanded.length === 1 ? 'its value' : 'their values'
  } in the command`;
}
