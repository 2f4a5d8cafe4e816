import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

describe('hookscope help <topic>', () => {
  it('names a topic that is no command on stderr and exits 2, as an unknown command does', async () => {
    const out = cliIo();
    expect(await main(['help', 'exprot'], out.io)).toBe(2);
    expect(out.out()).toBe('');
    expect(out.err()).toContain('unknown command "exprot"; did you mean "export"?');
  });

  it('still prints a command’s help on stdout with exit 0', async () => {
    const out = cliIo();
    expect(await main(['help', 'export'], out.io)).toBe(0);
    expect(out.out()).toContain('Usage: hookscope export');
  });
});
