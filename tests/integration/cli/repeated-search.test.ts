import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

// `--search` is repeatable and every one must match; joined as typed, one search's OR reached into the next:
// `--search 'refund OR' --search paid` exported what had either word.
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  const engine: Engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  for (const [path, body] of [
    ['/only-refund', 'refund requested'],
    ['/only-paid', 'invoice paid'],
    ['/both', 'refund after invoice paid'],
    ['/or-word', 'paid or not'],
  ])
    await fetch(`${engine.receiverUrl}${path}`, { method: 'POST', body });
  await engine.close();
});
afterAll(() => dir.cleanup());

async function exportedPaths(...searches: string[]): Promise<string[]> {
  const printed = cliIo();
  const args = ['export', '--data-dir', dir.path, ...searches.flatMap((s) => [`--search=${s}`])];
  expect(await main(args, printed.io)).toBe(0);
  return printed
    .out()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { path: string }).path)
    .sort();
}

it.each([
  [['refund OR', 'paid'], ['/both']],
  [['refund', 'OR paid'], []],
  [['paid', 'OR'], ['/or-word']],
  [['paid', 'or'], ['/or-word']],
  [
    ['"invoice', 'paid"'],
    ['/both', '/only-paid'],
  ],
  [['refund', '-requested'], ['/both']],
])('--search %j matches what every one of them matches alone', async (searches, paths) => {
  expect(await exportedPaths(...searches)).toEqual(paths);
  const alone = await Promise.all(searches.map((s) => exportedPaths(s)));
  expect(paths).toEqual(alone.reduce((all, each) => all.filter((p) => each.includes(p))));
});
