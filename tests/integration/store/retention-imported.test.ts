import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { pruneOnce } from '../../../electron/engine/store/retention';
import { FakeClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../delivery/helpers';

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await engine?.close();
  dir?.cleanup();
  engine = dir = undefined;
});

const meta = { transport: 'in-process' } as const;
const DAY = 86_400_000;

describe('age retention of imported captures', () => {
  it('counts from when they were imported, not from when they were originally sent', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 12));
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger, clock });
    const e = engine;
    const prune = () => pruneOnce(e.ctx.db, e.ctx.captures, e.ctx.settings.get(), clock.now());
    await e.handlers['settings.update']({ retention: { maxAgeMs: DAY } }, meta);

    const har = {
      log: {
        entries: [
          {
            startedDateTime: new Date(clock.now() - 13 * DAY).toISOString(),
            request: { method: 'POST', url: 'https://example.com/old-import', headers: [] },
          },
        ],
      },
    };
    expect((await e.handlers['captures.importHar']({ har: JSON.stringify(har) }, meta)).imported).toBe(1);
    await send(`${e.receiverUrl}/fresh`, { method: 'POST', body: 'x' });
    const paths = () =>
      e.ctx.captures
        .list({ limit: 10 })
        .items.map((c) => c.path)
        .sort();
    await until(() => (paths().length === 2 ? true : undefined));
    const imported = e.ctx.captures.list({ limit: 10 }).items.find((c) => c.path === '/old-import')!;
    // Still shown at the time it was originally sent.
    expect(imported.receivedAtMs).toBe(clock.now() - 13 * DAY);

    expect(prune()).toBe(0);
    // Undoing a delete keeps when it was imported.
    e.ctx.captures.delete([imported.id], { undoable: true });
    e.ctx.captures.restore([imported.id]);
    await until(() => (paths().length === 2 ? true : undefined));
    expect(prune()).toBe(0);
    expect(paths()).toEqual(['/fresh', '/old-import']);

    clock.advance(DAY + 1);
    expect(prune()).toBe(2);
    expect(paths()).toEqual([]);
  });

  it('finds old imports through an index', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const plan = engine.ctx.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM captures WHERE imported_at_ms < ? ORDER BY imported_at_ms LIMIT ?',
      )
      .all(0, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/captures_by_import_time/);
  });
});
