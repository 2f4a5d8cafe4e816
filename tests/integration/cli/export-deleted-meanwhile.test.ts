import { describe, expect, it } from 'vitest';
import { run as exportRun } from '../../../electron/cli/commands/export';
import { createApiClient } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { useEngineWithNumberedCaptures } from '../../helpers/numbered-captures';

const t = useEngineWithNumberedCaptures('/gone', 3);

/** Exports while the app deletes every capture but the first once the first has been written. */
async function exportWhileDeleting(format: string) {
  const out: string[] = [];
  const err: string[] = [];
  let deleted = false;
  const { engine, ids } = t;
  const code = await exportRun(['--data-dir', t.dataDir, '--format', format, '--no-redact'], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    drain: async () => {
      if (!deleted) engine.ctx.captures.delete(ids.slice(1), { undoable: true });
      deleted = true;
    },
  });
  engine.ctx.captures.restore(ids.slice(1));
  return { code, out: out.join(''), err: err.join('') };
}

describe('export while captures are deleted', () => {
  it('leaves them out of a HAR file that stays valid, and says how many on stderr', async () => {
    const { code, out, err } = await exportWhileDeleting('har');
    expect(code).toBe(0);
    const har = JSON.parse(out) as { log: { entries: Array<{ request: { url: string } }> } };
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/gone/3']);
    expect(err).toContain('exported 1 capture(s) as har');
    expect(err).toContain('2 capture(s) were deleted during the export and are not in it');
  });

  it('leaves them out of JSONL too', async () => {
    const { code, out, err } = await exportWhileDeleting('jsonl');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { path: string }).path)).toEqual(['/gone/3']);
    expect(err).toContain('2 capture(s) were deleted during the export');
  });

  it('captures.export by ids skips an id that no longer exists and reports it as missing', async () => {
    const api = createApiClient(createInProcessTransport(t.engine));
    const result = await api.call('captures.export', { format: 'jsonl', ids: [t.ids[0]!, 99_999] });
    expect(result.count).toBe(1);
    expect(result.missing).toBe(1);
    expect(result.content.trim().split('\n')).toHaveLength(1);
  });
});
