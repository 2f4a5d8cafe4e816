/**
 * Warnings for the parts of a pasted command a shell would replace before curl ran (`$TOKEN`, `${TOKEN}`, `$(cmd)`,
 * backticks): the parser keeps them as written, so `-H "Authorization: Bearer $TOKEN"` would go out with the literal
 * `$TOKEN`. Only outside single quotes (`'…'` and `$'…'`), where a shell expands them; a backslash escapes one.
 * `command` is the command with its line continuations joined.
 */
export function shellExpansionWarnings(command: string): string[] {
  const warnings: string[] = [];
  let previous: string | null = null;
  for (const word of shellWords(command)) {
    if (word.expansions.length > 0) {
      const option = previous?.startsWith('-') && !word.text.startsWith('-') ? `${previous} ` : '';
      const shown = word.text.length > 80 ? `${word.text.slice(0, 80)}…` : word.text;
      const kinds = [...new Set(word.expansions.map(kindOf))].join(' and ');
      const one = word.expansions.length === 1;
      warnings.push(
        `${option}"${shown}": a shell would replace ${word.expansions.join(', ')} (${kinds}); left unexpanded here — put ${
          one ? 'its value' : 'their values'
        } in the command`,
      );
    }
    previous = word.text;
  }
  return warnings;
}

const kindOf = (expansion: string) =>
  expansion.startsWith('$(') || expansion.startsWith('`') ? 'a command substitution' : 'a shell variable';

interface ShellWord {
  /** The word with its quotes removed. */
  text: string;
  /** What a shell would expand in it, as written. */
  expansions: string[];
}

/** The command's words as a shell splits them (approximately: enough to name the one holding an expansion). */
function shellWords(command: string): ShellWord[] {
  const words: ShellWord[] = [];
  let word: ShellWord | null = null;
  let quote: "'" | '"' | "$'" | null = null;
  const current = () => (word ??= { text: '', expansions: [] });
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'" || quote === "$'") {
      if (c === '\\' && quote === "$'") {
        current().text += command[++i] ?? '';
        continue;
      }
      if (c === "'") quote = null;
      else current().text += c;
      continue;
    }
    if (c === '\\') {
      current().text += command[++i] ?? '';
      continue;
    }
    if (quote === null && /[\s|;&]/.test(c)) {
      if (word) words.push(word);
      word = null;
      continue;
    }
    if (quote === null && c === '#' && word === null) break;
    if (c === '$' && quote === null && command[i + 1] === "'") {
      quote = "$'";
      current();
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && quote === null)) {
      quote = quote === '"' ? null : (c as "'" | '"');
      current();
      continue;
    }
    const expansion = expansionAt(command, i);
    if (expansion !== null) {
      current().expansions.push(expansion);
      current().text += expansion;
      i += expansion.length - 1;
      continue;
    }
    current().text += c;
  }
  if (word) words.push(word);
  return words;
}

/** The expansion starting at `i` (`$NAME`, `${…}`, `$(…)`, `` `…` ``), or null. */
function expansionAt(command: string, i: number): string | null {
  const rest = command.slice(i);
  if (rest.startsWith('${')) return bracedAt(rest);
  const match = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(rest) ?? /^\$\([^)]*\)/.exec(rest) ?? /^`[^`]*`/.exec(rest);
  return match ? match[0] : null;
}

/** `${…}` at the start of `text` up to its own closing brace, so `${A:-${B}}` is one expansion; null if unclosed. */
function bracedAt(text: string): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && text[i - 1] === '$') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(0, i + 1);
  }
  return null;
}
