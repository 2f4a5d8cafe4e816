import { useEffect, useState } from 'react';

/**
 * Rows added to the page per frame while a table is first drawn. A thousand form fields drawn in one go blocked the
 * page for 180–280 ms; a hundred at a time keeps each frame's work short and the first rows on screen at once.
 */
export const ROWS_PER_FRAME = 100;

/**
 * How many of `target` rows to draw now: at first `ROWS_PER_FRAME`, growing by as many each animation frame up to
 * `firstDraw`; past that, all of `target` at once. Only the first draw is spread out: each frame re-lays out the
 * whole table, so adding rows a frame at a time to thousands already drawn costs more than adding them at once.
 */
export function useDrawnCount(target: number, firstDraw: number): number {
  const [count, setCount] = useState(() => Math.min(target, ROWS_PER_FRAME));
  useEffect(() => {
    if (count >= Math.min(target, firstDraw)) return;
    const frame = requestAnimationFrame(() => setCount((n) => Math.min(target, n + ROWS_PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  }, [count, target, firstDraw]);
  return count >= firstDraw ? target : Math.min(count, target);
}
