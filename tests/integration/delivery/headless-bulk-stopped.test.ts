import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { HeadlessDelivery } from '../../../electron/engine/delivery/headless';
import { deliveryMethods } from '../../../electron/shared/contract/delivery';
import { cueServer } from './helpers';

const closers = useCleanup();

describe('the CLI delivery engine waiting for a bulk send', () => {
  it('stops waiting when the job is stopped (it waited for "done" for ever)', async () => {
    const server = await cueServer();
    closers.push(() => server.close());
    const engine = new HeadlessDelivery(() => undefined);
    closers.push(() => engine.close());
    const job = await engine.service.startBulk(
      deliveryMethods['bulk.start'].input.parse({
        template: { method: 'POST', url: `${server.url}/hook`, body: '[email]' },
        rows: { content: 'email\na@example.com\nb@example.com\nc@example.com\n', format: 'csv' },
        // One a minute: the rows after the first are still waiting when the job is stopped.
        ratePerMinute: 1,
      }),
    );
    engine.service.bulk.stop(job.jobId);
    const ended = await engine.untilBulkEnded(job.jobId);
    expect(ended.state).toBe('stopped');
    expect(ended.counts.cancelled).toBeGreaterThan(0);
  });
});
