import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The constructed vendor samples beside the repo (../shared/reference/samples). */
export const samplesDir = join(import.meta.dirname, '../../../../shared/reference/samples');

export const readSample = (name: string) => readFileSync(join(samplesDir, name), 'utf8');
