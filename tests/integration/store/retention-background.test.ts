import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let engine: Engine;

beforeEach(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
});
afterEach(async () => {
  await engine.close();
  dir.cleanup();
});

describe('retention in the background', () => {
  it('prunes a large excess one chunk per event-loop turn, never all at once', async () => {
    const { captures, settings } = engine.ctx;
    await Promise.all(Array.from({ length: 2_500 }, (_, i) => captures.add(newCapture({ remotePort: i }))));
    expect(captures.count()).toBe(2_500);

    settings.update({ retention: { maxCount: 100, maxAgeMs: null } });
    // The prune starts on the next turn; a turn queued right after it sees the first 1,000-row chunk only.
    const seenBetweenChunks = await new Promise<number>((resolve) =>
      setImmediate(() => setImmediate(() => resolve(captures.count()))),
    );
    expect(seenBetweenChunks).toBeGreaterThan(100);
    expect(seenBetweenChunks).toBeLessThan(2_500);
    await expect.poll(() => captures.count(), { timeout: 5_000 }).toBe(100);
    const newest = captures.list({ limit: 1 }).items[0]!;
    expect(newest.id).toBe(2_500); // the newest are kept
  });
});
