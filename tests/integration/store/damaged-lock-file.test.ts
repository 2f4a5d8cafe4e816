import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { databaseFileName } from '../../../electron/engine/store/database';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.cleanup()));

describe('a damaged data-folder lock file', () => {
  it('is named in the refusal, said to hold no data, and the captures are left as they were', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    await first.close();
    const lockFile = join(dir.path, 'hookscope-lock.sqlite');
    writeFileSync(lockFile, Buffer.alloc(4096, 0x5a));
    const database = readFileSync(join(dir.path, databaseFileName));

    const refusal = createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    await expect(refusal).rejects.toThrow(`The data folder's lock file ${lockFile} is damaged`);
    await expect(refusal).rejects.toThrow('It holds no data: delete it, then start again.');
    expect(readFileSync(join(dir.path, databaseFileName))).toEqual(database);
  });
});
