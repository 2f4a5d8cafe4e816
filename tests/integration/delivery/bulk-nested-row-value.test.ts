import { expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

// A JSON row's object or array is flattened to its fields (V.a, V.0): the row was skipped as "unresolved merge field
// [V]", though V is in the row. The error says what V holds and which fields can be used instead.
it('a row whose value for a merge field is an object or an array names the fields it can use', async () => {
  live.server = await cueServer(() => ({ status: 200 }));
  live.h = deliveryHarness();
  live.h.service.start();
  const rows = [{ N: 1, V: 'plain' }, { N: 2, V: { a: 1, b: { c: 'x' } } }, { N: 3, V: [1, 2] }, { N: 4 }];
  const job = await live.h.service.startBulk({
    template: { method: 'POST', url: `${live.server.url}/b/[N]`, headers: [], body: '{"v": [V]}' },
    rows: { content: JSON.stringify(rows), format: 'json' },
    batchSize: 100,
    concurrency: 10,
    policy: 'none',
  } as never);
  await live.h.drain(10);

  const progress = live.h.service.bulk.progress(job.jobId);
  expect(progress.counts).toMatchObject({ succeeded: 1, skipped: 3, pending: 0 });
  expect(progress.rowErrors).toEqual([
    {
      row: 2,
      message: 'row 2: merge field [V] holds an object, not a value: use its fields [V.a], [V.b.c]',
    },
    { row: 3, message: 'row 3: merge field [V] holds a list, not a value: use its items [V.0], [V.1]' },
    { row: 4, message: 'row 4: unresolved merge field [V]' },
  ]);
  expect(live.server.received.map((r) => r.url)).toEqual(['/b/1']);
});
