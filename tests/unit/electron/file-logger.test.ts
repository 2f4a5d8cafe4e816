import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/main/file-logger';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  dir?.cleanup();
  dir = undefined;
});

describe('the desktop file logger', () => {
  it('rotates main.log while the app runs, not only at startup', () => {
    dir = tempDir();
    const log = createFileLogger(dir.path, undefined, { maxBytes: 4_000 });
    for (let i = 0; i < 200; i++) log.error('store: filing a capture failed', { i });

    const file = join(dir.path, 'main.log');
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(4_000 + 200);
    expect(statSync(file).size).toBeLessThanOrEqual(4_000 + 200);
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) as string;
    expect(JSON.parse(last)).toMatchObject({ i: 199 });
  });
});
