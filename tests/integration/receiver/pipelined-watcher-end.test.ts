import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

it('a pipelined request queued behind a held answer ends for what watches requests in flight when the client leaves', async () => {
  await call('endpoints.create', {
    slug: 'slow',
    name: 'Slow',
    rule: { status: 200, headers: [], body: 'late', delayMs: 60_000, behaviour: { kind: 'fixed' } },
  });
  const inFlight = new Set<string>();
  t.engine.ctx.receiverHooks.watchers.push(({ path }) => {
    inFlight.add(path);
    return () => inFlight.delete(path);
  });
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /h/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na' +
      'POST /queued HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nb',
  );
  await expect.poll(() => [...inFlight].sort(), { timeout: 5000 }).toEqual(['/h/slow', '/queued']);
  socket.destroy();
  // The tunnel counts these to judge its probes: one never ended kept a dead tunnel's failures inconclusive.
  await expect.poll(() => [...inFlight], { timeout: 5000 }).toEqual([]);
});
