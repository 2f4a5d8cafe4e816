import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, referenceDir } from './samples';

describe('sample fixtures', () => {
  it.skipIf(!existsSync(referenceDir))(
    'are byte-identical to ../shared/reference/samples (skipped when absent)',
    () => {
      const names = readdirSync(fixturesDir);
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) {
        expect(
          readFileSync(join(fixturesDir, name)).equals(readFileSync(join(referenceDir, name))),
          name,
        ).toBe(true);
      }
    },
  );
});
