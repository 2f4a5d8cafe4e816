import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness, removeDir } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;
const cleanup = useCleanup();

/** A target on port 0 that takes everything, and an engine (fake clock) that has started. */
async function setup(): Promise<{ h: Harness; url: string }> {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  return { h, url: server.url };
}

/** A bulk send of `rows` numbered rows to `url`, at most `ratePerMinute` a minute. */
function startJob(h: Harness, url: string, rows: number, ratePerMinute: number) {
  return h.service.startBulk({
    template: { method: 'POST', url: `${url}/bulk/[N]`, headers: [], body: '[N]' },
    rows: { content: ['N', ...Array.from({ length: rows }, (_, i) => String(i))].join('\n'), format: 'csv' },
    batchSize: 100,
    policy: 'none',
    ratePerMinute,
  } as never);
}

describe("a bulk send's rate and ETA", () => {
  it('leave out the time it was paused', async () => {
    const { h, url } = await setup();
    const job = await startJob(h, url, 10, 60);
    await h.settle();
    h.clock.advance(1000);
    await h.settle();
    const before = h.service.bulk.pause(job.jobId);
    expect(before.counts.succeeded).toBe(2);
    expect(before.ratePerSecond).toBe(1);

    h.clock.advance(3_600_000);
    const paused = h.service.bulk.progress(job.jobId);
    expect([paused.ratePerSecond, paused.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);
    const resumed = h.service.bulk.resume(job.jobId);
    expect([resumed.ratePerSecond, resumed.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);

    // Stopped while paused: the pause up to the stop is left out as well.
    h.service.bulk.pause(job.jobId);
    h.clock.advance(3_600_000);
    expect(h.service.bulk.stop(job.jobId).ratePerSecond).toBe(before.ratePerSecond);
  });

  it('of a finished send are of the time it ran: they do not fall as time passes after it ended', async () => {
    const { h, url } = await setup();
    const job = await startJob(h, url, 10, 600);
    await h.drain(100);
    const done = h.service.bulk.progress(job.jobId);
    expect(done.state).toBe('done');
    expect(done.counts.succeeded).toBe(10);
    expect(done.ratePerSecond).toBeGreaterThan(0);
    h.clock.advance(3_600_000);
    expect(h.service.bulk.progress(job.jobId).ratePerSecond).toBe(done.ratePerSecond);
  });

  it('never beat its own rate limit (one row sent at once read as hundreds a second)', async () => {
    const { h, url } = await setup();
    const job = await startJob(h, url, 20, 1);
    await h.settle();
    const progress = h.service.bulk.progress(job.jobId);
    expect(progress.counts.succeeded).toBe(1);
    expect(progress.ratePerSecond).toBe(0.02);
    expect(progress.etaMs).toBe(19 * 60_000);
  });

  it.each([
    ['stopped', false],
    ['killed', true],
  ] as const)('of a running send leave out the hour the engine was %s', async (_how, killed) => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a: Harness = deliveryHarness();
    cleanup.push(async () => removeDir(a.dataDir));
    a.service.start();
    const job = await startJob(a, server.url, 10, 60);
    await a.settle();
    a.clock.advance(1000);
    await a.settle();
    const before = a.service.bulk.progress(job.jobId);
    expect([before.state, before.counts.succeeded, before.ratePerSecond]).toEqual(['running', 2, 1]);

    await a.service.close();
    // A killed engine records no stop: what it leaves is the job as it was while running.
    if (killed) a.db.prepare('UPDATE bulk_jobs SET paused_at_ms = NULL').run();
    a.db.close();
    const b: Harness = deliveryHarness({}, { dataDir: a.dataDir });
    cleanup.push(() => b.close());
    b.clock.advance(a.clock.now() + 3_600_000 - b.clock.now());
    b.service.start();
    const after = b.service.bulk.progress(job.jobId);
    expect(after.state).toBe('running');
    expect([after.ratePerSecond, after.etaMs]).toEqual([before.ratePerSecond, before.etaMs]);
  });

  /** A killed engine records no stop: what it leaves is the job as it was while running. */
  const kill = async (h: Harness) => {
    await h.service.close();
    h.db.prepare('UPDATE bulk_jobs SET paused_at_ms = NULL').run();
    h.db.close();
  };
  /** A new engine over `dataDir`, started at `at`. */
  const startAt = async (dataDir: string, at: number) => {
    const h: Harness = deliveryHarness({}, { dataDir });
    h.clock.advance(at - h.clock.now());
    h.service.start();
    await h.settle();
    return h;
  };
  const pausedMs = (h: Harness, jobId: number) =>
    h.db.prepare('SELECT paused_ms FROM bulk_jobs WHERE id = ?').pluck().get(jobId) as number;

  it('count the downtime of a kill once when the engine is killed again before the send did anything', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a: Harness = deliveryHarness();
    cleanup.push(async () => removeDir(a.dataDir));
    a.service.start();
    const job = await startJob(a, server.url, 10, 1);
    await a.settle();
    const lastActivity = a.clock.now();
    await kill(a);
    // Back 30 s later, before the next row's slot (a minute after the first): killed again at once, down for an hour.
    const b = await startAt(a.dataDir, lastActivity + 30_000);
    const restartedAt = b.clock.now();
    await kill(b);
    const c = await startAt(a.dataDir, restartedAt + 3_600_000);
    cleanup.push(() => c.close());
    expect(pausedMs(c, job.jobId)).toBe(30_000 + 3_600_000);
    expect(c.service.bulk.progress(job.jobId).counts.succeeded).toBe(2);
  });

  it('count a pause once when the engine is killed after the resume, before the send did anything', async () => {
    const server = await cueServer(() => ({ status: 200 }));
    cleanup.push(() => server.close());
    const a: Harness = deliveryHarness();
    cleanup.push(async () => removeDir(a.dataDir));
    a.service.start();
    const job = await startJob(a, server.url, 10, 1);
    await a.settle();
    const lastActivity = a.clock.now();
    a.clock.advance(1_000);
    a.service.bulk.pause(job.jobId);
    a.clock.advance(19_000);
    a.service.bulk.resume(job.jobId);
    await a.settle();
    await kill(a);
    // Back 30 s after the resume, before the next row's slot (a minute after the first).
    const b = await startAt(a.dataDir, lastActivity + 50_000);
    cleanup.push(() => b.close());
    expect(pausedMs(b, job.jobId)).toBe(19_000 + 30_000);
  });
});
