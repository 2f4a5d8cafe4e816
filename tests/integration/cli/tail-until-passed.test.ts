import { afterEach, expect, it } from 'vitest';
import { run as tail } from '../../../electron/cli/commands/tail';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { cliIo } from '../../helpers/cli-io';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
afterEach(() => dir.cleanup());

it('tail --last N with an --until that has passed prints the N and exits instead of following', async () => {
  const stores = openStores({ dataDir: dir.path, clock: systemClock });
  const dayAgo = Date.now() - 24 * 3600_000;
  await stores.captures.add(newCapture({ receivedAtMs: dayAgo, path: '/older' }));
  await stores.captures.add(newCapture({ receivedAtMs: dayAgo + 1, path: '/old' }));
  stores.captures.fileWaiting();
  stores.captures.close();
  stores.db.close();

  const out = cliIo();
  // Bounded: a tail that follows is stopped, and then has said so on stderr.
  const stop = AbortSignal.timeout(5_000);
  const code = await tail(['--data-dir', dir.path, '--json', '--last', '1', '--until', '2h'], out.io, stop);
  expect(stop.aborted).toBe(false);
  expect(code).toBe(0);
  expect(
    out
      .out()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { path: string }).path),
  ).toEqual(['/old']);
});
