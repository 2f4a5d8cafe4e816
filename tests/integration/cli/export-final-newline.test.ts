import { expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { cliIo } from '../../helpers/cli-io';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

it.each([
  ['json', 1],
  ['har', 1],
  ['jsonl', 1],
  ['curl', 1],
  ['json', 0],
  ['har', 0],
])('export --format %s of %i capture(s) ends with exactly one newline', async (format, count) => {
  const dir = tempDir();
  try {
    const stores = openStores({ dataDir: dir.path, clock: systemClock });
    for (let i = 0; i < count; i++) await stores.captures.add(newCapture());
    stores.captures.fileWaiting();
    stores.captures.close();
    stores.db.close();
    const out = cliIo();
    expect(await main(['export', '--data-dir', dir.path, '--format', String(format)], out.io)).toBe(0);
    expect(out.out()).toMatch(/[^\n]\n$/);
    if (format !== 'curl') JSON.parse(format === 'jsonl' ? out.out().trim() : out.out());
  } finally {
    dir.cleanup();
  }
});
