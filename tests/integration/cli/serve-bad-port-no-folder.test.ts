import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.cleanup());

describe('serve with a bad port flag', () => {
  it.each([
    ['--receiver-port', 'abc'],
    ['--ui-port', '70000'],
  ])('%s %s is refused before the --data-dir folder is created', async (flag, value) => {
    dir = tempDir();
    const dataDir = join(dir.path, 'not-yet');
    const out = cliIo();
    expect(await main(['serve', '--data-dir', dataDir, flag, value], out.io)).toBe(2);
    expect(out.err()).toContain(`${flag}: expected a whole number`);
    expect(existsSync(dataDir)).toBe(false);
  });
});
