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

/**
 * Work someone waits for, done in chunks one per event-loop turn (the receiver answers in between) until a chunk does
 * nothing; resolves with the sum of what the chunks did, rejects with a chunk's error.
 */
export function chunksInTurns(chunk: () => number): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const step = () => {
      try {
        const done = chunk();
        if (done <= 0) return resolve(total);
        total += done;
        setImmediate(step);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    step();
  });
}
