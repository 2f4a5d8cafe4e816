import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { writeExportFile } from '../../electron/main/export-file';
import type { StreamExport } from '../../electron/engine/captures/export-stream';
import { tempDir } from '../helpers/temp-dir';
import { createFakeElectron } from './fake-electron';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir('hookscope-replace-file-')));
afterEach(() => dir.cleanup());

function saveFileThroughDialog(filePath: string, content: string) {
  const fake = createFakeElectron();
  const handlers = createDesktopHandlers({
    dialog: fake.electron.dialog,
    shell: fake.electron.shell,
    dataDir: dir.path,
    downloadsDir: join(dir.path, 'Downloads'),
    getWindow: () => null,
  });
  fake.electron.dialog.saveAnswers.push({ canceled: false, filePath });
  return handlers['desktop.saveFile']({ suggestedName: 'export.har', content }, { transport: 'ipc' });
}

const streamed =
  (text: string): StreamExport =>
  async (_input, _begin, write) => {
    await write(text);
    return { count: 0, missing: 0 };
  };
const input = { format: 'har', redact: true, limit: 10 } as const;

describe('replacing a file the user chose', () => {
  it('desktop.saveFile through a symlink writes the file it points to and leaves the link a link', async () => {
    const real = join(dir.path, 'real');
    const link = join(dir.path, 'link.har');
    writeFileSync(real, 'earlier');
    symlinkSync('real', link);
    await saveFileThroughDialog(link, 'saved');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('saved');
    expect(readdirSync(dir.path).sort()).toEqual(['link.har', 'real']);
  });

  it('File > Export HAR through a symlink into another folder writes the file there', async () => {
    mkdirSync(join(dir.path, 'elsewhere'));
    const real = join(dir.path, 'elsewhere', 'export.har');
    writeFileSync(real, 'earlier');
    symlinkSync(real, join(dir.path, 'link.har'));
    await writeExportFile(streamed('{"log":{}}'), join(dir.path, 'link.har'), input);
    expect(lstatSync(join(dir.path, 'link.har')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('{"log":{}}');
  });

  it.each(['600', '640', '755'])('keeps an existing file’s permission bits (%s)', async (octal) => {
    const mode = parseInt(octal, 8);
    const saved = join(dir.path, 'saved.har');
    const exported = join(dir.path, 'exported.har');
    for (const path of [saved, exported]) {
      writeFileSync(path, 'earlier');
      chmodSync(path, mode);
    }
    await saveFileThroughDialog(saved, 'saved');
    await writeExportFile(streamed('{"log":{}}'), exported, input);
    expect(readFileSync(saved, 'utf8')).toBe('saved');
    expect(statSync(saved).mode & 0o7777).toBe(mode);
    expect(statSync(exported).mode & 0o7777).toBe(mode);
  });
});
