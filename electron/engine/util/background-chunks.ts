/**
 * Work done in chunks, one per event-loop turn, so a large job (pruning a long history) never holds the receiver for
 * more than one chunk. The returned function starts a run; calls while one is running are ignored. A run ends when a
 * chunk does nothing (returns 0) or throws (reported to `onError`; the next trigger tries again).
 */
export function backgroundChunks(chunk: () => number, onError: (error: unknown) => void): () => void {
  let running = false;
  const step = () => {
    let more = false;
    try {
      more = chunk() > 0;
    } catch (error) {
      onError(error);
    }
    if (more) setImmediate(step);
    else running = false;
  };
  return () => {
    if (running) return;
    running = true;
    step();
  };
}

/** Work done in chunks now, one after another until a chunk does nothing; returns the sum of what the chunks did. */
export function allChunks(chunk: () => number): number {
  let total = 0;
  for (let done = chunk(); done > 0; done = chunk()) total += done;
  return total;
}
