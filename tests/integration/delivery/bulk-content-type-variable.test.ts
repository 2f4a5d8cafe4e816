import { describe, expect, it } from 'vitest';
import { deliveryMethods } from '../../../electron/shared/contract/delivery';
import { useLiveHarnessAndServer } from '../../helpers/live-harness-and-server';
import { cueServer, deliveryHarness } from './helpers';

const live = useLiveHarnessAndServer();

describe('a bulk send whose Content-Type is a {{column}}', () => {
  it('judges each row’s body format by the type that row fills in, and leaves out a type that fills to nothing', async () => {
    live.server = await cueServer(() => ({ status: 200 }));
    live.h = deliveryHarness();
    live.h.service.start();
    const rows = [
      'n,ct,name',
      '1,application/json,"say ""hi"""',
      '2,,"say ""hi"""',
      '3,text/plain,"say ""hi"""',
    ].join('\n');
    const job = await live.h.service.startBulk(
      deliveryMethods['bulk.start'].input.parse({
        template: {
          method: 'POST',
          url: `${live.server.url}/ct/{{n}}`,
          headers: [['Content-Type', '{{ct}}']],
          body: '{"name":"{{name}}"}',
        },
        rows: { content: rows, format: 'csv' },
        policy: 'none',
      }),
    );
    await live.h.drain(10);
    expect(live.h.service.bulk.progress(job.jobId).counts).toMatchObject({ succeeded: 3, skipped: 0 });
    const got = (n: number) => {
      const r = live.server!.received.find((x) => x.url === `/ct/${n}`)!;
      const raw = r.rawHeaders;
      return {
        types: raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-type'),
        body: r.body.toString('utf8'),
      };
    };
    expect(got(1)).toEqual({ types: ['application/json'], body: '{"name":"say \\"hi\\""}' });
    // No empty Content-Type ahead of the detected one; the body still escaped for JSON, as detected.
    expect(got(2)).toEqual({ types: ['application/json'], body: '{"name":"say \\"hi\\""}' });
    expect(got(3)).toEqual({ types: ['text/plain'], body: '{"name":"say "hi""}' });
  });
});
