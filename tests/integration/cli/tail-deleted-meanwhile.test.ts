import { describe, expect, it } from 'vitest';
import { run as tailRun } from '../../../electron/cli/commands/tail';
import { useEngineWithNumberedCaptures } from '../../helpers/numbered-captures';

const t = useEngineWithNumberedCaptures('/gone', 3);

describe('tail --json while captures are deleted', () => {
  it('leaves out a capture the app deleted after it was listed, instead of failing with not_found', async () => {
    const out: string[] = [];
    let deleted = false;
    const { engine, ids } = t;
    // Newest first in `ids`: --last 3 prints the oldest (/gone/1) first, then the app deletes the other two.
    // --until now: print the --last ones and stop.
    const until = String(Date.now());
    const code = await tailRun(['--data-dir', t.dataDir, '--json', '--last', '3', '--until', until], {
      stdout: (s) => out.push(s),
      stderr: () => {},
      drain: async () => {
        if (!deleted) engine.ctx.captures.delete(ids.slice(0, 2), { undoable: true });
        deleted = true;
      },
    });
    engine.ctx.captures.restore(ids.slice(0, 2));
    expect(code).toBe(0);
    const paths = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { path: string }).path);
    expect(paths).toEqual(['/gone/1']);
  });
});
