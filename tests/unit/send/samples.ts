import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies of the constructed vendor samples (../shared/reference/samples), so the repo tests on its own. */
export const fixturesDir = join(import.meta.dirname, 'fixtures');
export const referenceDir = join(import.meta.dirname, '../../../../shared/reference/samples');

export const readSample = (name: string) => readFileSync(join(fixturesDir, name), 'utf8');
