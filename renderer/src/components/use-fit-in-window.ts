import { useLayoutEffect, type RefObject } from 'react';

/** Room kept between a panel and the window's bottom edge, px. */
const MARGIN = 8;

/**
 * Keeps an open panel's bottom edge inside the window: the app's frame never scrolls, so a panel taller than the room
 * below its top (Settings in Electron's shortest, 500 px window) would have its last buttons cut off where nothing can
 * scroll to them. It scrolls within itself instead.
 */
export function useFitInWindow(ref: RefObject<HTMLElement | null>, open: boolean): void {
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!open || !panel) return;
    const fit = () => {
      const room = window.innerHeight - panel.getBoundingClientRect().top - MARGIN;
      panel.style.maxHeight = `${Math.max(room, 0)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [ref, open]);
}
