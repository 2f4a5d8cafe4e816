import { afterEach } from 'vitest';

/**
 * What a test opened, closed after it, last opened first: `cleanup.push(() => server.close())`. `closeNow` closes what
 * is open so far, for a test that reopens the same data.
 */
export function useCleanup(): { push(...closers: Array<() => unknown>): void; closeNow(): Promise<void> } {
  const closers: Array<() => unknown> = [];
  const closeNow = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  afterEach(closeNow);
  return { push: (...more) => void closers.push(...more), closeNow };
}
