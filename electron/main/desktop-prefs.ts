import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Shell-only preferences (the engine's settings hold everything else). */
const desktopPrefs = z.object({ theme: z.enum(['system', 'light', 'dark']).default('system') });
export type DesktopPrefs = z.infer<typeof desktopPrefs>;

export function loadDesktopPrefs(file: string): DesktopPrefs {
  try {
    return desktopPrefs.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return desktopPrefs.parse({});
  }
}

export function saveDesktopPrefs(file: string, prefs: DesktopPrefs): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(desktopPrefs.parse(prefs)));
  renameSync(temp, file);
}
