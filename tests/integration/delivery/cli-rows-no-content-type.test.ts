import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { useCliSendFixture } from './cli-send-fixture';

const quiet = { stdout: () => undefined, stderr: () => undefined };

const fixture = useCliSendFixture();
const rowsFile = () => fixture.file('rows.csv', 'name\nAnn "A"\n');

describe('hookscope send --rows told to send no Content-Type', () => {
  for (const flags of [
    ['-H', 'Content-Type:'],
    ['--content-type', ''],
  ]) {
    it(`sends none with ${flags.join(' ')} (as without --rows), values still JSON-escaped`, async () => {
      const server = await fixture.server();
      const code = await send(
        [`${server.url}/rows`, '--rows', rowsFile(), '-d', '{"name":"[name]"}', ...flags],
        quiet,
      );
      expect(code).toBe(0);
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.headers['content-type']).toBeUndefined();
      expect(JSON.parse(server.received[0]!.body.toString())).toEqual({ name: 'Ann "A"' });
    });
  }

  it('still sends the detected Content-Type when not told otherwise', async () => {
    const server = await fixture.server();
    expect(await send([`${server.url}/rows`, '--rows', rowsFile(), '-d', '{"name":"[name]"}'], quiet)).toBe(
      0,
    );
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
  });
});
