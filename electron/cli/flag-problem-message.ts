import type { ParseArgsConfig } from 'node:util';
import { secretName } from '../engine/util/secret-names';
import { closestCommand } from './closest-command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Node's parseArgs message as one line naming the flag. Its "ambiguous" message (a separate value starting with `-`,
 * or no value before the next flag) runs to three lines and suggests `=-XYZ`; the others end with advice about
 * positionals, which is dropped.
 */
export function flagProblemMessage(message: string, args: string[], options: Options): string {
  const ambiguous = /^Option '(-[^']*)' argument is ambiguous/.exec(message);
  if (!ambiguous) return withClosestFlag(message.split('. To specify')[0]!, options);
  const written = ambiguous[1]!;
  const name = /'--([^'=]+)=-XYZ'/.exec(message)?.[1] ?? written.replace(/^-+/, '');
  const at = args.findIndex((arg, i) => arg === written && args[i + 1]?.startsWith('-'));
  const next = args[at + 1] ?? '';
  if (next === '--' || isOwnFlag(next, options))
    return `--${name}: its value is missing (${next} is the next flag); a value starting with '-' is written joined: --${name}=-value`;
  const example = secretName.test(name) ? '-value' : next;
  return `--${name}: ${secretName.test(name) ? 'its value' : JSON.stringify(next)} starts with '-', so it reads as a flag; write it joined: --${name}=${example}`;
}

function isOwnFlag(arg: string, options: Options): boolean {
  const long = arg.split('=')[0]!;
  return Object.entries(options).some(
    ([name, o]) => long === `--${name}` || (o.short !== undefined && arg.startsWith(`-${o.short}`)),
  );
}

/** `Unknown option '--frmat'; did you mean "--format"?`, by the rule a mistyped command is guessed by. */
function withClosestFlag(message: string, options: Options): string {
  const unknown = /^Unknown option '--([^'=]+)'$/.exec(message);
  const meant = unknown ? closestCommand(unknown[1]!, Object.keys(options)) : null;
  return meant ? `${message}; did you mean "--${meant}"?` : message;
}
