import { afterAll, describe, expect, it } from 'vitest';
import { parseFlags } from '../../../electron/cli/io';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function refusal(...flags: string[]): Promise<string> {
  const printed = cliIo();
  expect(await main(['export', '--data-dir', dir.path, ...flags], printed.io)).toBe(2);
  return printed.err();
}

describe('a flag given a separate value starting with -', () => {
  it('is one line naming the flag and how to write the value joined', async () => {
    expect(await refusal('--endpoint', '-foo')).toBe(
      `hookscope export: --endpoint: "-foo" starts with '-', so it reads as a flag; write it joined: --endpoint=-foo\n` +
        'Run `hookscope export --help` for usage.\n',
    );
  });

  it('says the value is missing when what follows is one of the command’s own flags', async () => {
    expect(await refusal('--search', '--endpoint', 'x')).toBe(
      `hookscope export: --search: its value is missing (--endpoint is the next flag); a value starting with '-' is written joined: --search=-value\n` +
        'Run `hookscope export --help` for usage.\n',
    );
  });

  it('never quotes the value of a flag named like a secret', () => {
    expect(() => parseFlags(['--token', '-s3cr3t'], { token: { type: 'string' } })).toThrow(
      "--token: its value starts with '-', so it reads as a flag; write it joined: --token=-value",
    );
  });
});
