import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { UsageError } from '../../../electron/cli/io';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/** Seed 000: an Ontraport webhook has two settings, requests per minute and the number of retries. */
describe("hookscope send --policy ontraport takes Ontraport's two webhook settings", () => {
  it('--retries 0 makes one attempt only', async () => {
    const server = await fixture.server(() => ({ status: 500 }));
    const t = cliIo();
    const args = [`${server.url}/hook`, '--policy', 'ontraport', '--retries', '0', '--time-scale', '0.0001'];
    // Was: "--retries" refused as an unknown flag, and every Ontraport send retried 3 times.
    expect(await send(args, t.io)).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(t.out()).toMatch(/^#1 .* 500 .* gave up \(HTTP 500 after 1 attempt/m);
  });

  it('--retries N gives N retries, for each row of --rows too', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const rows = fixture.file('rows.csv', 'id\n1\n');
    const args = [
      `${server.url}/hook`,
      '--policy',
      'ontraport',
      '--retries',
      '1',
      '--time-scale',
      '0.0001',
      '-d',
      'id={{id}}',
      '--rows',
      rows,
    ];
    expect(await send(args, cliIo().io)).toBe(1);
    expect(server.received).toHaveLength(2);
  });

  it('--requests-per-minute sets the rate', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const args = [`${server.url}/hook`, '--policy', 'ontraport', '--requests-per-minute', '120'];
    expect(await send(args, cliIo().io)).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it('refuses both flags with a policy that has no such settings, and bad values, naming the flag', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const url = `${server.url}/hook`;
    await expect(send([url, '--policy', 'ortto', '--retries', '2'], cliIo().io)).rejects.toThrow(
      new UsageError('--retries: only with --policy ontraport, not ortto'),
    );
    await expect(send([url, '--requests-per-minute', '30'], cliIo().io)).rejects.toThrow(
      new UsageError('--requests-per-minute: only with --policy ontraport, not none'),
    );
    await expect(send([url, '--policy', 'ontraport', '--retries', '101'], cliIo().io)).rejects.toThrow(
      new UsageError('--retries: expected a whole number from 0 to 100, got "101"'),
    );
    await expect(
      send([url, '--policy', 'ontraport', '--requests-per-minute', '30', '--rate', '10/min'], cliIo().io),
    ).rejects.toThrow(/^--requests-per-minute: .*--rate/);
    expect(server.received).toHaveLength(0);
  });
});
