import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createEngine } from '../../../electron/engine/engine';
import { systemClock, type Clock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { useCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer, until, type ApiReply } from './helpers';

const cleanup = useCleanup();

/** The system clock, counting how often a timer armed for a minute or more actually fired. */
function countingClock() {
  const counts = { longFired: 0 };
  const clock: Clock = {
    now: () => systemClock.now(),
    setTimeout(fn, ms) {
      return systemClock.setTimeout(() => {
        if (ms >= 60_000) counts.longFired++;
        fn();
      }, ms);
    },
  };
  return { clock, counts };
}

describe('waits longer than a timer can hold (2^31-1 ms, about 24.8 days)', () => {
  it.each([
    ['a 30-day custom wait', { status: 500 }, { policy: 'custom', customWaitsMs: [2_592_000_000] }],
    [
      'Retry-After: 86400 scaled by 30',
      { status: 503, headers: { 'Retry-After': '86400' } },
      { policy: 'custom', customWaitsMs: [1000], timeScale: 30 },
    ],
  ])('%s: the engine sleeps instead of waking over and over', async (_name, answer, options) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    cleanup.push(() => void process.off('warning', onWarning));
    const server = await cueServer(() => answer);
    cleanup.push(() => server.close());
    const dir = tempDir();
    const { clock, counts } = countingClock();
    const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger, clock });
    cleanup.push(async () => {
      await engine.close();
      dir.cleanup();
    });
    const dispatcher = createDispatcher(engine.handlers, { checkOutputs: true });
    const call = (method: string, input: unknown) =>
      dispatcher.dispatch(method, input, { transport: 'in-process' }) as Promise<ApiReply>;

    const sent = await call('deliveries.send', {
      request: { method: 'POST', url: `${server.url}/long`, headers: [], bodyBase64: '' },
      type: 'manual',
      ...options,
    });
    expect(sent.ok).toBe(true);
    const id = (sent.value as { id: number }).id;
    const waiting = await until(async () => {
      const d = (await call('deliveries.get', { id })).value as {
        state: string;
        attemptList: unknown[];
        nextAttemptAtMs: number | null;
      };
      return d.attemptList.length === 1 && d.state === 'pending' ? d : undefined;
    });
    expect(waiting.nextAttemptAtMs! - Date.now()).toBeGreaterThan(2 ** 31);
    // Give a busy loop plenty of turns to show itself (the old code woke every millisecond).
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(counts.longFired).toBe(0);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
    expect(server.received).toHaveLength(1);
  });
});
