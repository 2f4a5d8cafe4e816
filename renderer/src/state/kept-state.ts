import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const kept = new Map<string, unknown>();

/**
 * `useState` whose value outlives the component, by key: a form left for another tab or view shows what was typed
 * when it opens again. Memory only, like the composer's draft.
 */
export function useKeptState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial));
  useEffect(() => {
    kept.set(key, value);
  }, [key, value]);
  return [value, setValue];
}

/** A new page, as far as kept values go (tests mount fresh components over a fresh engine). */
export function forgetKeptState(): void {
  kept.clear();
}
