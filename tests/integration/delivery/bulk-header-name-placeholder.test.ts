import { describe, expect, it } from 'vitest';
import { deliveryMethods } from '../../../electron/shared/contract/delivery';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

const startInput = (url: string, headers: [string, string][], content: string) =>
  deliveryMethods['bulk.start'].input.safeParse({
    template: { method: 'POST', url: `${url}/row/{{n}}`, headers, body: 'hi' },
    rows: { content, format: 'csv' },
    policy: 'none',
  });

describe('a bulk send with placeholders in a header name', () => {
  it('fills each row’s name as the composer does and sends it', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const headers: [string, string][] = [
      ['X-{{vendor}}-Key', 'k{{n}}'],
      ['[Tenant]-Id', '{{n}}'],
    ];
    const input = startInput(live.server.url, headers, 'n,vendor,Tenant\n1,acme,Blue\n2,beta,Red');
    expect(input.error?.issues).toBeUndefined();
    const job = await live.h.service.startBulk(input.data!);
    await live.h.drain(10);
    expect(live.h.service.bulk.progress(job.jobId).counts).toMatchObject({ succeeded: 2, skipped: 0 });
    const sent = (n: number) => live.server!.received.find((r) => r.url === `/row/${n}`)!.headers;
    expect(sent(1)).toMatchObject({ 'x-acme-key': 'k1', 'blue-id': '1' });
    expect(sent(2)).toMatchObject({ 'x-beta-key': 'k2', 'red-id': '2' });
    const composed = buildOutgoing(
      {
        method: 'POST',
        url: 'http://127.0.0.1:1/',
        headers,
        auth: { kind: 'none' },
        bodyMode: 'text',
        body: '',
      },
      { n: '1', vendor: 'acme', Tenant: 'Blue' },
    );
    expect(composed.headers.slice(0, 2)).toEqual([
      ['X-acme-Key', 'k1'],
      ['Blue-Id', '1'],
    ]);
  });

  it('skips a row whose filled name is not a valid header name, naming the header, and sends the others', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const rows = 'n,vendor\n1,acme\n2,a b\n3,Transfer-Encoding';
    const input = startInput(
      live.server.url,
      [
        ['X-{{vendor}}-Key', 'v'],
        ['{{vendor}}', 'chunked'],
      ],
      rows,
    );
    const job = await live.h.service.startBulk(input.data!);
    await live.h.drain(10);
    const progress = live.h.service.bulk.progress(job.jobId);
    expect(progress.counts).toMatchObject({ succeeded: 1, skipped: 2 });
    expect(live.server.received.map((r) => r.url)).toEqual(['/row/1']);
    expect(progress.rowErrors.map((e) => e.message)).toEqual([
      'row 2: header "X-{{vendor}}-Key" fills to "X-a b-Key", which is not a valid header name',
      expect.stringMatching(/^row 3: header "Transfer-Encoding" is connection-level/),
    ]);
  });

  it('refuses a start whose header name placeholder is not a column, naming the header', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const input = startInput(live.server.url, [['X-{{vendor}}-Key', 'v']], 'n\n1');
    await expect(live.h.service.startBulk(input.data!)).rejects.toThrow(
      'template.headers.0.0: {{vendor}} is not a column of the file',
    );
    await live.h.drain(10);
    expect(live.server.received).toHaveLength(0);
  });

  it('still refuses a name whose typed text, placeholders aside, is no header name', () => {
    for (const name of ['X Key', 'X-{{vendor}}-Key:', 'X-{{vendor', ' X-{{vendor}}']) {
      const issues = startInput('http://127.0.0.1:1', [[name, 'v']], 'n,vendor\n1,a').error?.issues;
      expect(issues?.[0]?.path, name).toEqual(['template', 'headers', 0, 0]);
      expect(issues?.[0]?.message, name).toBe(`malformed header name "${name}"`);
    }
  });
});
