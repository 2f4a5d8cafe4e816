import { expect, it } from 'vitest';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

const start = (body: string, rows: { content: string; format: 'csv' | 'json' }, extra = {}) =>
  live.h!.service.startBulk({
    template: { method: 'POST', url: `${live.server!.url}/hook`, headers: [], body },
    rows,
    batchSize: 100,
    concurrency: 1,
    policy: 'none',
    ...extra,
  } as never);

it('a {{First Name}} naming a column refuses the start, saying to write [First Name]; it went out as typed', async () => {
  live.server = await cueServer();
  live.h = deliveryHarness();
  live.h.service.start();
  const message =
    'template.body: {{First Name}} is not filled in (a {{name}} takes no spaces); write [First Name] for the column "First Name"';
  await expect(start('name={{First Name}}', { content: 'First Name\nAnn\n', format: 'csv' })).rejects.toThrow(
    message,
  );
  await expect(
    start('name={{First Name}}', { content: JSON.stringify([{ first_name: 'Ann' }]), format: 'json' }),
  ).rejects.toThrow(/^template\.body: \{\{First Name\}\} is not filled in/);
  expect((await live.h.service.bulk.list()).length).toBe(0);
  expect(live.server.received).toHaveLength(0);
});

it('braces around words that name no column, or send-as-typed, still go out as typed', async () => {
  live.server = await cueServer();
  live.h = deliveryHarness();
  live.h.service.start();
  await start('{{ not a column }} [name]', { content: 'name\nAnn\n', format: 'csv' });
  await start(
    '{{First Name}}',
    { content: 'First Name\nBo\n', format: 'csv' },
    { fieldsNotColumns: 'send-as-typed' },
  );
  await live.h.drain(10);
  expect(live.server.received.map((r) => r.body.toString()).sort()).toEqual([
    '{{ not a column }} Ann',
    '{{First Name}}',
  ]);
});
