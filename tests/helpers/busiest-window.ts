/** The most events (times in ms) that any window `[t, t + windowMs)` holds. */
export function busiestWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (const start of times)
    most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}
