import { useEffect, useState } from 'react';
import { timePresets, type TimePreset } from '../lib/filter-state';

/**
 * How often a "last 5m/1h/…" window moves forward, so captures that age out drop from the list and the count: a tenth
 * of the window, at least 30 s. Each move reloads the list from its first page, so a long window is not moved (and a
 * user scrolled deep into it not sent back to the top) more often than its label needs.
 */
export const windowStepMs = (since: TimePreset): number => Math.max(30_000, timePresets[since] / 10);

/**
 * The time a relative window ends at: when it was chosen, then moved forward every `windowStepMs`; null with none.
 * While `frozen` (the list is paused) it stays put, since each move reloads the list; unfrozen, it is brought to now.
 */
export function useWindowNow(since: TimePreset | null, frozen = false): number | null {
  const [tick, setTick] = useState(() => ({ since, frozen, now: Date.now() }));
  if (tick.since !== since || (tick.frozen && !frozen)) setTick({ since, frozen, now: Date.now() });
  else if (frozen && !tick.frozen) setTick({ ...tick, frozen });
  useEffect(() => {
    if (!since || frozen) return;
    const timer = setInterval(() => setTick({ since, frozen: false, now: Date.now() }), windowStepMs(since));
    return () => clearInterval(timer);
  }, [since, frozen]);
  return since ? tick.now : null;
}
