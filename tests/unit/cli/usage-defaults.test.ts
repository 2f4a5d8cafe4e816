import { describe, expect, it } from 'vitest';
import { emulateUsage } from '../../../electron/cli/commands/emulate';
import { sendUsage } from '../../../electron/cli/commands/send';
import { tailUsage } from '../../../electron/cli/commands/tail';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';

/** The help line of one flag, its continuation lines included. */
function flagHelp(usage: string, flag: string): string {
  const lines = usage.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\s*(-\\w, )?${flag}\\b`).test(line));
  expect(start, `${flag} is in the usage`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^\s*-/.test(line) || !/^\s{20,}/.test(line));
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)].join('\n');
}

describe('--help shows the default of every flag that has one', () => {
  it('emulate: --format and --encoding show the defaults an Ontraport emulation really uses', () => {
    const sent = buildEmulatedRequest('ontraport-sub_tag', { nowMs: 0 });
    const [, format, encoding] = /, (\w+) format as (\w+),/.exec(sent.description) ?? [];
    expect(format).toBe('default');
    expect(encoding).toBe('form');
    expect(flagHelp(emulateUsage, '--format')).toContain(`(default ${format})`);
    expect(flagHelp(emulateUsage, '--encoding')).toContain(`(default ${encoding})`);
  });

  it('send --rate and tail --exit-after say what happens without them', () => {
    expect(flagHelp(sendUsage, '--rate')).toContain('default no limit');
    expect(flagHelp(tailUsage, '--exit-after')).toContain('default never');
  });
});
