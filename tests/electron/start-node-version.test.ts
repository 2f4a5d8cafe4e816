import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const systemNode = '/usr/bin/node';
const oldNode =
  existsSync(systemNode) &&
  Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]']).stdout.toString()) < 22;

it.skipIf(!oldNode)('npm start on a Node older than 22.14 names the version it needs, 22.14', () => {
  const run = spawnSync(systemNode, [join(process.cwd(), 'scripts/start.mjs'), '--browser'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Hookscope needs Node >= 22.14');
});
