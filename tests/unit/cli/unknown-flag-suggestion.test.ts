import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

/** What `hookscope …args` says on stderr, with its exit code. */
async function run(...args: string[]) {
  const out = cliIo();
  const code = await main(args, out.io);
  return { code, err: out.err() };
}

describe('an unknown flag', () => {
  it('suggests the closest flag of that command, as a mistyped command is', async () => {
    const { code, err } = await run('export', '--frmat', 'json');
    expect(err).toContain(`hookscope export: Unknown option '--frmat'; did you mean "--format"?\n`);
    expect(code).toBe(2);
  });

  it('suggests only a flag of the command typed, written joined or with swapped letters', async () => {
    expect((await run('send', 'http://127.0.0.1:9/', '--polciy=standard')).err).toContain(
      `Unknown option '--polciy'; did you mean "--policy"?`,
    );
    // --limit is export's, not send's: send has no flag close to it.
    expect((await run('send', 'http://127.0.0.1:9/', '--limt', '1')).err).toContain(
      `hookscope send: Unknown option '--limt'\n`,
    );
  });

  it('suggests nothing when no flag is close', async () => {
    expect((await run('export', '--zzzzzzz')).err).toContain(
      `hookscope export: Unknown option '--zzzzzzz'\n`,
    );
  });
});
