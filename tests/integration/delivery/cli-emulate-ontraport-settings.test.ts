import { describe, expect, it } from 'vitest';
import { run as emulate } from '../../../electron/cli/commands/emulate';
import { UsageError } from '../../../electron/cli/io';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

/** Seed 000: an Ontraport webhook has two settings, requests per minute and the number of retries. */
describe("hookscope emulate takes Ontraport's two webhook settings", () => {
  it('--retries 0 (seed 000, tip 1) makes one attempt only', async () => {
    const server = await fixture.server(() => ({ status: 500 }));
    const t = cliIo();
    const args = ['ontraport-ping', '--to', `${server.url}/ping`, '--retries', '0', '--time-scale', '0.0001'];
    // Was: "--retries" refused as an unknown flag, and every Ontraport emulation retried 3 times.
    expect(await emulate(args, t.io)).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(t.out()).toMatch(/^#1 .* 500 .* gave up \(HTTP 500 after 1 attempt/m);
  });

  it('--retries N gives N retries', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const t = cliIo();
    const args = [
      'ontraport-sub_tag',
      '--to',
      `${server.url}/sub`,
      '--retries',
      '1',
      '--time-scale',
      '0.0001',
    ];
    expect(await emulate(args, t.io)).toBe(1);
    expect(server.received).toHaveLength(2);
  });

  it('--requests-per-minute sets the rate, and both flags are refused for Ortto', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const args = ['ontraport-ping', '--to', `${server.url}/p`, '--requests-per-minute', '120'];
    expect(await emulate(args, cliIo().io)).toBe(0);
    expect(server.received).toHaveLength(1);
    await expect(
      emulate(['ortto-test', '--to', `${server.url}/o`, '--retries', '2'], cliIo().io),
    ).rejects.toThrow(new UsageError('--retries: only for the Ontraport kinds, not ortto-test'));
    await expect(
      emulate(['ontraport-ping', '--to', `${server.url}/o`, '--retries', '101'], cliIo().io),
    ).rejects.toThrow(/--retries: .*101/);
  });
});
