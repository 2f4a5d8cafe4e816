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

describe('undoing a delete under retention limits', () => {
  it('says how many of the restored captures the next passes will delete again', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 12));
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger, clock });
    const e = engine;
    const paths = () =>
      e.ctx.captures
        .list({ limit: 10 })
        .items.map((c) => c.path)
        .sort();
    await send(`${e.receiverUrl}/old/1`, { method: 'POST', body: 'x' });
    await send(`${e.receiverUrl}/old/2`, { method: 'POST', body: 'x' });
    clock.advance(2 * DAY);
    await send(`${e.receiverUrl}/new/1`, { method: 'POST', body: 'x' });
    await send(`${e.receiverUrl}/new/2`, { method: 'POST', body: 'x' });
    await until(() => (paths().length === 4 ? true : undefined));
    const ids = e.ctx.captures.list({ limit: 10 }).items.map((c) => c.id);

    await e.handlers['captures.delete']({ ids }, meta);
    await e.handlers['settings.update']({ retention: { maxAgeMs: DAY, maxCount: 1 } }, meta);
    const undone = await e.handlers['captures.restore']({ ids }, meta);
    expect(undone.restored).toHaveLength(4);
    // Both old ones by age; of the two new ones the count limit keeps only the newest.
    expect(undone.expiring).toBe(3);
    pruneOnce(e.ctx.db, e.ctx.captures, e.ctx.settings.get(), clock.now());
    expect(paths()).toEqual(['/new/2']);
  });

  it('counts by the count limit alone when there is no age limit', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const e = engine;
    for (const n of [1, 2, 3]) await send(`${e.receiverUrl}/c/${n}`, { method: 'POST', body: 'x' });
    await until(() => (e.ctx.captures.list({ limit: 10 }).items.length === 3 ? true : undefined));
    const ids = e.ctx.captures.list({ limit: 10 }).items.map((c) => c.id);
    await e.handlers['captures.delete']({ ids }, meta);
    await e.handlers['settings.update']({ retention: { maxAgeMs: null, maxCount: 2 } }, meta);
    expect((await e.handlers['captures.restore']({ ids }, meta)).expiring).toBe(1);
  });

  it('says none when no limit applies', async () => {
    dir = tempDir();
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    const e = engine;
    await send(`${e.receiverUrl}/kept`, { method: 'POST', body: 'x' });
    await until(() => e.ctx.captures.list({ limit: 1 }).items[0]);
    const { id } = e.ctx.captures.list({ limit: 1 }).items[0]!;
    await e.handlers['captures.delete']({ ids: [id] }, meta);
    expect(await e.handlers['captures.restore']({ ids: [id] }, meta)).toEqual({
      restored: [id],
      expiring: 0,
    });
  });
});
