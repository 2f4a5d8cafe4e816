import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashRound, startChild } from '../../helpers/crash-run';
import { tempDir } from '../../helpers/temp-dir';

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged capture intact across repeated kill -9 and restart', async () => {
    const dir = tempDir();
    try {
      let acknowledged = 0;
      for (const killAfterMs of [700, 400, 900]) {
        const round = await crashRound(dir.path, { killAfterMs, connections: 16 });
        expect(round.integrity).toBe('ok');
        expect(round.missing).toBe(0);
        expect(round.corrupted).toBe(0);
        expect(round.acknowledged).toBeGreaterThan(0);
        acknowledged += round.acknowledged;
        expect(round.stored).toBeGreaterThanOrEqual(acknowledged);
      }
    } finally {
      dir.cleanup();
    }
  }, 60_000);

  it('starting a child that exits before printing its JSON line rejects instead of waiting forever', async () => {
    const dir = tempDir();
    try {
      const script = join(dir.path, 'exits.mjs');
      writeFileSync(script, 'process.exit(3);\n');
      await expect(startChild(script, dir.path)).rejects.toThrow(
        /exited \(3\) before printing its JSON line/,
      );
    } finally {
      dir.cleanup();
    }
  });
});
