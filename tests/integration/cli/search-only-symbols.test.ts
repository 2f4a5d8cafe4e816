import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

// A search of symbols only (`*`, `"`, `😀`) finds nothing, in the app and alone: the index holds words and numbers.
// Repeated --search flags dropped such a search, so it widened the export to every capture. Found by
// tests/unit/fuzz/all-of-searches.test.ts (seed: --search '*' --search '-alpha').
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await fetch(`${engine.receiverUrl}/alpha`, { method: 'POST', body: 'alpha' });
  await fetch(`${engine.receiverUrl}/beta`, { method: 'POST', body: 'beta' });
  await engine.close();
});
afterAll(() => dir.cleanup());

async function exportedPaths(...flags: string[]): Promise<string[]> {
  const printed = cliIo();
  expect(await main(['export', '--data-dir', dir.path, ...flags], printed.io), printed.err()).toBe(0);
  return printed
    .out()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { path: string }).path);
}

describe('export --search of symbols only', () => {
  it('finds nothing alone', async () => {
    expect(await exportedPaths('--search', '😀')).toEqual([]);
  });

  it('finds nothing beside another --search', async () => {
    expect(await exportedPaths('--search', '*', '--search', '-alpha')).toEqual([]);
    expect(await exportedPaths('--search', 'beta', '--search', '"')).toEqual([]);
  });

  it('a blank --search is still no search at all', async () => {
    expect((await exportedPaths('--search', ' ', '--search', '-alpha')).sort()).toEqual(['/beta']);
  });
});
