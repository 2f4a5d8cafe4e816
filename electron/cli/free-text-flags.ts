import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags whose value is free text: a search (`-jose` excludes a word), a body, a header, a secret. */
const freeText = new Set(['search', 'data', 'header', 'post-data', 'secret']);

/** `-3`, `-0.5`, `-.5`: given to a numeric flag, it gets the flag's range message, not Node's "ambiguous". */
const negativeNumber = /^-\.?\d/;

/**
 * `argv` with a free-text flag's separate value joined to it (`--search -jose` → `--search=-jose`): parseArgs refuses a
 * value starting with `-` as "ambiguous" unless it is written joined. Any string flag's negative number is joined too. A value that is one of the command's own flags
 * (`--search --endpoint x`) or `--` (which ends the options) is left apart, so a forgotten value is still reported.
 * Nothing after `--` is touched.
 */
export function joinFreeTextValues(argv: string[], options: Options): string[] {
  const longOf = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) {
    longOf.set(`--${name}`, name);
    if (option.short) longOf.set(`-${option.short}`, name);
  }
  const isOwnFlag = (arg: string) =>
    longOf.has(arg.split('=')[0]!) || (/^-[^-]/.test(arg) && longOf.has(arg.slice(0, 2)));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const name = longOf.get(arg);
    const value = argv[i + 1];
    if (name !== undefined && options[name]!.type === 'string' && value !== undefined) {
      const takesDash = freeText.has(name) || negativeNumber.test(value);
      if (takesDash && value.startsWith('-') && value !== '-' && value !== '--' && !isOwnFlag(value)) {
        out.push(`--${name}=${value}`);
        i++;
        continue;
      }
    }
    out.push(arg);
  }
  return out;
}
