import { describe, expect, it } from 'vitest';
import { rawTargets } from '../../helpers/raw-target';
import { useApiHarness } from '../delivery/helpers';

// The HAR export writes a # received raw in the request target as %23, so the URL names the same target; Hookscope's
// own importer read the file's target as written, so the re-imported capture asked for /frag%23x, not /frag#x.
const api = useApiHarness();

const { captureRaw, exported } = rawTargets(api);

async function reimported(target: string): Promise<{ path: string; query: string }> {
  const har = await exported((await captureRaw(target)).id, 'har');
  const imported = await api.call('captures.importHar', { har, duplicates: true });
  expect(imported.ok).toBe(true);
  const items = api.engine.ctx.captures.list({ limit: 50 }).items.filter((c) => c.source === 'imported');
  const newest = items.sort((a, b) => b.id - a.id)[0]!;
  return { path: newest.path, query: newest.query };
}

describe('a # sent raw in the request target, through a HAR export and import', () => {
  it('comes back as received in the path and in the query', async () => {
    expect(await reimported('/frag#x?y=1')).toEqual({ path: '/frag#x', query: 'y=1' });
    expect(await reimported('/q?a=1#b')).toEqual({ path: '/q', query: 'a=1#b' });
  });

  it('leaves a %23 the sender wrote as %23', async () => {
    expect(await reimported('/pct%23x?y=%23')).toEqual({ path: '/pct%23x', query: 'y=%23' });
  });
});
