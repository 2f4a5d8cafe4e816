import { useEffect, useRef, useState } from 'react';

/** A counter that follows `trigger` changes at most once per `ms` (trailing), so bursts cause one refresh, not many. */
export function useThrottledTick(trigger: number, ms: number): number {
  const [tick, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (trigger === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setTick((n) => n + 1);
    }, ms);
  }, [trigger, ms]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return tick;
}
