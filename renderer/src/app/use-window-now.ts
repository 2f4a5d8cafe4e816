import { useEffect, useState } from 'react';
import type { TimePreset } from '../lib/filter-state';

/** How often a "last 5m/1h/…" window moves forward: captures that age out drop from the list and the count. */
export const WINDOW_STEP_MS = 30_000;

/** The time a relative window ends at: when it was chosen, then moved forward every `WINDOW_STEP_MS`; null with none. */
export function useWindowNow(since: TimePreset | null): number | null {
  const [tick, setTick] = useState(() => ({ since, now: Date.now() }));
  if (tick.since !== since) setTick({ since, now: Date.now() });
  useEffect(() => {
    if (!since) return;
    const timer = setInterval(() => setTick({ since, now: Date.now() }), WINDOW_STEP_MS);
    return () => clearInterval(timer);
  }, [since]);
  return since ? tick.now : null;
}
