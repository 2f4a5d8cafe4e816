import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo as io } from '../../helpers/cli-io';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

// `--data-dir=~/hooks` and a quoted "~/hooks" reach the CLI unexpanded; they name the folder in the home directory,
// not a folder called ~ under the working directory.
let home: ReturnType<typeof tempDir>;
beforeEach(async () => {
  home = tempDir();
  vi.stubEnv('HOME', home.path);
  vi.stubEnv('USERPROFILE', home.path);
  vi.stubEnv('HOOKSCOPE_DATA_DIR', undefined);
  const app = await createEngine({ dataDir: join(home.path, 'hooks'), mode: 'test', log: silentLogger });
  await send(`${app.receiverUrl}/hook/tilde`, { method: 'POST', body: 'in the home folder' });
  await app.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
  home.cleanup();
});

describe('CLI data folder under ~', () => {
  it.each([[['--data-dir=~/hooks']], [['--data-dir', '~/hooks']]])(
    'export %j reads the home folder',
    async (flag) => {
      const out = io();
      expect(await main(['export', ...flag, '--format', 'jsonl'], out.io)).toBe(0);
      expect(out.err()).toBe('exported 1 capture(s) as jsonl\n');
      expect(out.out()).toContain('/hook/tilde');
      expect(existsSync(join(process.cwd(), '~'))).toBe(false);
    },
  );

  it('HOOKSCOPE_DATA_DIR="~/hooks" reads the home folder', async () => {
    vi.stubEnv('HOOKSCOPE_DATA_DIR', '~/hooks');
    const out = io();
    expect(await main(['export', '--format', 'jsonl'], out.io)).toBe(0);
    expect(out.out()).toContain('/hook/tilde');
  });
});
