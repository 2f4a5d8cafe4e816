/**
 * Collects values pushed between two frames and hands them over once, just before the next paint. A burst of
 * events then costs one render per frame instead of one per event. The timeout covers hidden pages, where
 * requestAnimationFrame does not run.
 */
export interface FrameBatcher<T> {
  push(values: readonly T[]): void;
  /** Hands over what is queued now (before applying something that must see it, like a deletion). */
  flush(): void;
  /** Drops what is queued (the data is about to be fetched again anyway); says how many values it dropped. */
  clear(): number;
}

export function createFrameBatcher<T>(onFlush: (values: T[]) => void, fallbackMs = 100): FrameBatcher<T> {
  let queued: T[] = [];
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const flush = () => {
    cancel();
    if (queued.length === 0) return;
    const values = queued;
    queued = [];
    onFlush(values);
  };

  return {
    push(values) {
      for (const v of values) queued.push(v);
      if (frame !== null || queued.length === 0) return;
      frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, fallbackMs);
    },
    flush,
    clear() {
      cancel();
      const dropped = queued.length;
      queued = [];
      return dropped;
    },
  };
}
