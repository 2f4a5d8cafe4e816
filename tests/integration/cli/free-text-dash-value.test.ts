import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { filterFlagOptions } from '../../../electron/cli/filter-flags';
import { parseFlags } from '../../../electron/cli/io';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo } from '../../helpers/cli-io';
import { useHttpTarget } from '../../helpers/http-target';
import { tempDir } from '../../helpers/temp-dir';

// A free-text value may start with `-` (`-jose` is a search without jose): node's parseArgs refused
// `--search -jose` as "ambiguous" and only `--search=-jose` worked.
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await fetch(`${engine.receiverUrl}/with-jose`, { method: 'POST', body: 'from jose' });
  await fetch(`${engine.receiverUrl}/without`, { method: 'POST', body: 'from maria' });
  await engine.close();
});
afterAll(() => dir.cleanup());

const bodies: string[] = [];
const target = useHttpTarget((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    bodies.push(Buffer.concat(chunks).toString());
    res.end('ok');
  });
});

async function exportedPaths(...flags: string[]): Promise<string[]> {
  const printed = cliIo();
  expect(await main(['export', '--data-dir', dir.path, ...flags], printed.io), printed.err()).toBe(0);
  return printed
    .out()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { path: string }).path);
}

describe('a free-text flag value starting with -', () => {
  it('is the search of export --search, as --search=-jose is', async () => {
    expect(await exportedPaths('--search', '-jose')).toEqual(['/without']);
    expect(await exportedPaths('--search=-jose')).toEqual(['/without']);
  });

  it('is the search of the filter flags tail shares', () => {
    expect(parseFlags(['--search', '-jose', '--search', 'maria'], filterFlagOptions).values.search).toEqual([
      '-jose',
      'maria',
    ]);
  });

  it('is the body of send -d', async () => {
    const printed = cliIo();
    expect(await main(['send', `${target.url}/dash`, '-d', '-1'], printed.io), printed.err()).toBe(0);
    expect(bodies).toEqual(['-1']);
  });

  it('is still reported when it is one of the command’s own flags (a forgotten value), saying how to pass one', async () => {
    const printed = cliIo();
    expect(await main(['export', '--data-dir', dir.path, '--search', '--endpoint', 'x'], printed.io)).toBe(2);
    expect(printed.err()).toContain('--search: its value is missing (--endpoint is the next flag)');
    expect(printed.err()).toContain('--search=-value');
  });

  it('is explained in --help', async () => {
    const printed = cliIo();
    expect(await main(['export', '--help'], printed.io)).toBe(0);
    expect(printed.out()).toContain('--search -jose (or --search=-jose)');
  });
});
