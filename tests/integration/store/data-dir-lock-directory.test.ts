import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { lockDataDir, lockFileName } from '../../../electron/engine/store/data-dir-lock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

// A folder where the pid file goes (made by hand, a sync tool or a bad restore) used to fail startup with Node's
// "Path is a directory: rm returned EISDIR", after moving the folder aside under another name.
let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const lockFolder = () => {
  const path = join(dir.path, lockFileName);
  mkdirSync(path);
  writeFileSync(join(path, 'notes.txt'), 'kept');
  return path;
};

it('a folder named hookscope.lock is refused, naming it and what to do, and left as it was', () => {
  const path = lockFolder();
  expect(() => lockDataDir(dir.path)).toThrow(
    `The data folder's lock file ${path} is a folder. Hookscope writes only its process id there: move or delete ` +
      'that folder, then start again. The captures are in another file and were not touched.',
  );
  expect(readdirSync(dir.path).filter((name) => name.startsWith(lockFileName))).toEqual([lockFileName]);
  expect(readFileSync(join(path, 'notes.txt'), 'utf8')).toBe('kept');
  // Nothing stays held: once the folder is gone the data folder is taken as usual.
  rmSync(path, { recursive: true });
  lockDataDir(dir.path)();
});

it('the engine fails to start with that message', async () => {
  const path = lockFolder();
  await expect(createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger })).rejects.toThrow(
    `The data folder's lock file ${path} is a folder.`,
  );
});
