import { afterEach, expect, it, vi } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { BulkRunner } from '../../../electron/engine/delivery/bulk';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();
afterEach(() => vi.restoreAllMocks());

/** The command's exit code, or 'still running' if it has not returned in a (generous) while: it used to hang for good. */
async function exitOrHang(run: Promise<number>): Promise<number | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), 8000);
  });
  try {
    return await Promise.race([run, hung]);
  } finally {
    clearTimeout(timer);
  }
}

it('send --rows exits 1 saying why when an unexpected error stops the bulk send, rather than waiting for good', async () => {
  const server = await fixture.server();
  const rows = fixture.file('rows.csv', 'id\n1\n2\n3\n');
  // An error the bulk send does not expect (not a full or busy database) while it queues rows: it stops the job.
  vi.spyOn(BulkRunner.prototype as unknown as { enqueueRows(): void }, 'enqueueRows').mockImplementationOnce(
    () => {
      throw new Error('injected failure');
    },
  );
  const { io, out, err } = cliIo();

  expect(await exitOrHang(send([`${server.url}/op`, '-d', 'id=[id]', '--rows', rows], io))).toBe(1);
  expect(err()).toBe('bulk send stopped by an unexpected error: injected failure; 3 of 3 rows not sent\n');
  expect(out()).toBe('0 delivered, 0 failed, 0 skipped of 3 rows\n');
  expect(server.received).toHaveLength(0);
});
