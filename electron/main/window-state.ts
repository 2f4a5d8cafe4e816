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

/**
 * The remembered bounds, or null when the file is missing, unreadable or its title bar is off every current screen
 * (a monitor was unplugged, or a bad save). The size is cut to fit the screen the title bar is on.
 */
export function loadWindowState(file: string, workAreas: Rectangle[]): WindowState | null {
  let parsed: WindowState;
  try {
    parsed = windowState.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  const area = workAreas.find((candidate) => titleBarOn(parsed, candidate));
  if (!area) return null;
  return {
    ...parsed,
    width: Math.min(parsed.width, area.width),
    height: Math.min(parsed.height, area.height),
  };
}

/** Written atomically (temp file + rename) so a crash mid-write leaves the old file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(windowState.parse(state)));
  renameSync(temp, file);
}

const titleBarHeight = 40;
const minGrabWidth = 100;

/** The window's title bar lies within the area top to bottom, with at least 100 px of its width: it can be grabbed. */
function titleBarOn(window: Rectangle, area: Rectangle): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  return (
    window.y >= area.y && window.y + titleBarHeight <= area.y + area.height && right - left >= minGrabWidth
  );
}
