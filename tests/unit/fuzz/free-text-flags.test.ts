import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterFlagOptions } from '../../../electron/cli/filter-flags';
import { parseFlags, UsageError } from '../../../electron/cli/io';

type Options = Parameters<typeof parseFlags>[1];

/** Shaped like `send`'s: free-text flags with short forms, beside other flags with short forms. */
const sendLike = {
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  secret: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const commands: Array<{ options: Options; freeText: string[] }> = [
  { options: filterFlagOptions, freeText: ['search', 'header'] },
  { options: sendLike, freeText: ['header', 'data', 'secret'] },
];

/** How the command's own flags are written: `--name`, `--name=value`, `-x`, `-xvalue`. */
function isOwnFlag(arg: string, options: Options): boolean {
  const name = arg.split('=')[0]!;
  return Object.entries(options).some(
    ([long, o]) => name === `--${long}` || (o.short !== undefined && arg.startsWith(`-${o.short}`)),
  );
}
const ownFlagWritings = (options: Options) =>
  Object.entries(options).flatMap(([long, o]) => [
    `--${long}`,
    `--${long}=v`,
    ...(o.short ? [`-${o.short}`, `-${o.short}v`] : []),
  ]);

const dashText = fc.string({
  unit: fc.constantFrom('-', '=', ' ', 'a', 'j', 'o', 's', 'e', 'X', 'H', 'd', 'h', '1', 'é', '"'),
  maxLength: 10,
});

describe('CLI free-text flags (fuzzed)', () => {
  it('a value starting with - is always taken as the value of the free-text flag before it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.array(fc.tuple(fc.nat(), dashText, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (command, picks) => {
          const given = new Map<string, string[]>();
          const argv: string[] = [];
          for (const [pick, text, short] of picks) {
            const name = command.freeText[pick % command.freeText.length]!;
            const value = `-${text}`;
            const option = command.options[name]!;
            if (isOwnFlag(value, command.options) || value === '--') continue;
            if (!option.multiple && given.has(name)) continue;
            argv.push(short && option.short ? `-${option.short}` : `--${name}`, value);
            given.set(name, [...(given.get(name) ?? []), value]);
          }
          const { values } = parseFlags(argv, command.options);
          for (const [name, sent] of given)
            expect(values[name]).toEqual(command.options[name]!.multiple ? sent : sent[0]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("one of the command's own flags, or --, after a free-text flag is never taken as its value: the missing value is reported", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...commands)
          .chain((command) =>
            fc.tuple(
              fc.constant(command),
              fc.constantFrom(...command.freeText),
              fc.constantFrom(...ownFlagWritings(command.options), '--'),
            ),
          ),
        ([command, name, own]) => {
          const parse = () => parseFlags([`--${name}`, own, 'x'], command.options, true);
          expect(parse).toThrow(UsageError);
          expect(parse).toThrow(`--${name}: its value is missing (${own} is the next flag)`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('--search -- x reports the missing search rather than searching for --', () => {
    expect(() => parseFlags(['--search', '--', 'x'], filterFlagOptions, true)).toThrow(
      '--search: its value is missing (-- is the next flag)',
    );
  });

  it('nothing after -- is joined to a flag, whatever it starts with', () => {
    fc.assert(
      fc.property(
        fc.array(
          dashText.map((t) => `-${t}`),
          { maxLength: 4 },
        ),
        (rest) => {
          const { positionals } = parseFlags(['--search', '-jose', '--', ...rest], filterFlagOptions, true);
          expect(positionals).toEqual(rest);
        },
      ),
      { numRuns: 300 },
    );
  });
});
