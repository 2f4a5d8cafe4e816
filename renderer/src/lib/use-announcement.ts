import { useCallback, useRef, useState } from 'react';

type Update<T> = T | null | ((current: T | null) => T | null);

/**
 * A message for a live region (`role="status"` or `"alert"`), numbered each time one is set: keyed by `seq`, every
 * message mounts a fresh region, so the same words twice (the same file imported twice) are announced twice. An
 * update that gives back the current message keeps its number and is not announced again.
 */
export function useAnnouncement<T extends object>(): [
  (T & { seq: number }) | null,
  (update: Update<T>) => void,
] {
  const [shown, setShown] = useState<(T & { seq: number }) | null>(null);
  const seq = useRef(0);
  const announce = useCallback((update: Update<T>) => {
    setShown((current) => {
      const next = typeof update === 'function' ? update(current) : update;
      if (next === current) return current;
      return next && { ...next, seq: ++seq.current };
    });
  }, []);
  return [shown, announce];
}
