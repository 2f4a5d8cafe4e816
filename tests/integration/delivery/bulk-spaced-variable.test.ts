import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;
let h: Harness | undefined;
let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await server?.close();
  h = server = undefined;
});

const start = (body: string, rows: { content: string; format: 'csv' | 'json' }, extra = {}) =>
  h!.service.startBulk({
    template: { method: 'POST', url: `${server!.url}/hook`, headers: [], body },
    rows,
    batchSize: 100,
    concurrency: 1,
    policy: 'none',
    ...extra,
  } as never);

it('a {{First Name}} naming a column refuses the start, saying to write [First Name]; it went out as typed', async () => {
  server = await cueServer();
  h = deliveryHarness();
  h.service.start();
  const message =
    'template.body: {{First Name}} is not filled in (a {{name}} takes no spaces); write [First Name] for the column "First Name"';
  await expect(start('name={{First Name}}', { content: 'First Name\nAnn\n', format: 'csv' })).rejects.toThrow(
    message,
  );
  await expect(
    start('name={{First Name}}', { content: JSON.stringify([{ first_name: 'Ann' }]), format: 'json' }),
  ).rejects.toThrow(/^template\.body: \{\{First Name\}\} is not filled in/);
  expect((await h.service.bulk.list()).length).toBe(0);
  expect(server.received).toHaveLength(0);
});

it('braces around words that name no column, or send-as-typed, still go out as typed', async () => {
  server = await cueServer();
  h = deliveryHarness();
  h.service.start();
  await start('{{ not a column }} [name]', { content: 'name\nAnn\n', format: 'csv' });
  await start(
    '{{First Name}}',
    { content: 'First Name\nBo\n', format: 'csv' },
    { fieldsNotColumns: 'send-as-typed' },
  );
  await h.drain(10);
  expect(server.received.map((r) => r.body.toString()).sort()).toEqual([
    '{{ not a column }} Ann',
    '{{First Name}}',
  ]);
});
