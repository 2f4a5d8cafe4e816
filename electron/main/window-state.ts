import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Rectangle } from './electron-like';

export const defaultWindowSize = { width: 1280, height: 820 };

const windowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowState>;

/** The remembered bounds, or null when the file is missing, unreadable or off every current screen. */
export function loadWindowState(file: string, workAreas: Rectangle[]): WindowState | null {
  let parsed: WindowState;
  try {
    parsed = windowState.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  return workAreas.some((area) => overlaps(parsed, area, 64)) ? parsed : null;
}

/** Written atomically (temp file + rename) so a crash mid-write leaves the old file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(windowState.parse(state)));
  renameSync(temp, file);
}

/** At least `margin` px of the window's top edge region lies on the area, so it can be grabbed. */
function overlaps(window: Rectangle, area: Rectangle, margin: number): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  const top = Math.max(window.y, area.y);
  const bottom = Math.min(window.y + window.height, area.y + area.height);
  return right - left >= margin && bottom - top >= margin;
}
