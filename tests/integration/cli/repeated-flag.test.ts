import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

// A flag that takes one value, given twice, kept only the last: `--endpoint a --endpoint b` exported b's captures alone.
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  const engine: Engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  for (const slug of ['orders', 'refunds']) {
    await engine.handlers['endpoints.create']({ slug, name: slug }, { transport: 'in-process' });
    await fetch(`${engine.receiverUrl}/h/${slug}`, { method: 'POST', body: slug });
  }
  await engine.close();
});
afterAll(() => dir.cleanup());

it.each(['export', 'tail'])(
  '%s refuses --endpoint given twice, naming both, and writes nothing',
  async (command) => {
    const printed = cliIo();
    // tail stops at once with a passed --until, so the old behaviour ends the test rather than following forever.
    const args = [command, '--data-dir', dir.path, '--endpoint', 'orders', '--endpoint', 'refunds'];
    if (command === 'tail') args.push('--last', '1', '--until', '2000-01-01');
    expect(await main(args, printed.io)).toBe(2);
    expect(printed.err()).toContain(
      '--endpoint: given more than once ("orders", "refunds"); it takes one value',
    );
    expect(printed.out()).toBe('');
  },
);

it('a repeatable flag still takes every value', async () => {
  const printed = cliIo();
  const args = ['export', '--data-dir', dir.path, '--method', 'POST', '--method', 'PUT'];
  expect(await main(args, printed.io)).toBe(0);
  expect(printed.out().trim().split('\n')).toHaveLength(2);
});

it('a secret given twice is refused without quoting either value (a CI log keeps stderr)', async () => {
  const printed = cliIo();
  const args = ['send', 'http://127.0.0.1:9/hook', '-d', 'x', '--sign', 'github'];
  args.push('--secret', 'whsec-first-0a1b2c', '--secret', 'whsec-second-3d4e5f');
  expect(await main(args, printed.io)).toBe(2);
  expect(printed.err()).toContain('--secret: given more than once (2 values, not shown); it takes one value');
  expect(printed.err()).not.toContain('whsec-first-0a1b2c');
  expect(printed.err()).not.toContain('whsec-second-3d4e5f');
  expect(printed.out()).toBe('');
});
