import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope send -H Content-Length', () => {
  for (const name of ['Content-Length', 'content-length', 'CONTENT-length']) {
    it(`warns that ${name}: 5 is not sent and names the length that is`, async () => {
      const server = await fixture.server();
      const { io, err } = cliIo();
      const code = await send([`${server.url}/x`, '-d', 'hello world', '-H', `${name}: 5`], io);
      expect(code).toBe(0);
      expect(server.received[0]!.headers['content-length']).toBe('11');
      expect(err()).toBe(
        `warning: -H '${name}: 5' is not sent: Content-Length: 11 is sent instead (the body's length)\n`,
      );
    });
  }

  it('says an empty GET goes out with no Content-Length at all', async () => {
    const server = await fixture.server();
    const { io, err } = cliIo();
    expect(await send([`${server.url}/x`, '-H', 'Content-Length: 5'], io)).toBe(0);
    expect(server.received[0]!.headers['content-length']).toBeUndefined();
    expect(err()).toBe(
      "warning: -H 'Content-Length: 5' is not sent: no Content-Length is sent (the body is empty)\n",
    );
  });

  it("with --rows says each row's body length is sent instead", async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'n\n1\n22\n');
    const { io, err } = cliIo();
    const code = await send(
      [`${server.url}/x`, '--rows', rows, '-d', 'n={{n}}', '-H', 'content-length: 3'],
      io,
    );
    expect(code).toBe(0);
    expect(server.received.map((r) => r.headers['content-length']).sort()).toEqual(['3', '4']);
    expect(err()).toBe(
      "warning: -H 'content-length: 3' is not sent: each row's body length is sent instead\n",
    );
  });

  it('says nothing when no Content-Length is given', async () => {
    const server = await fixture.server();
    const { io, err } = cliIo();
    expect(await send([`${server.url}/x`, '-d', 'hello world'], io)).toBe(0);
    expect(err()).toBe('');
  });
});

describe("hookscope send -H 'Content-Length:' (curl's leave it out)", () => {
  it("warns that a body's length is sent all the same", async () => {
    const server = await fixture.server();
    const { io, err } = cliIo();
    expect(await send([`${server.url}/x`, '-d', 'hello world', '-H', 'content-length:'], io)).toBe(0);
    expect(server.received[0]!.headers['content-length']).toBe('11');
    expect(err()).toBe(
      "warning: -H 'Content-Length:' cannot leave it out (HTTP needs the length of a body): " +
        "Content-Length: 11 is sent instead (the body's length)\n",
    );
  });

  it('warns that an empty POST goes out with Content-Length: 0', async () => {
    const server = await fixture.server();
    const { io, err } = cliIo();
    expect(await send([`${server.url}/x`, '-X', 'POST', '-H', 'Content-Length:'], io)).toBe(0);
    expect(server.received[0]!.headers['content-length']).toBe('0');
    expect(err()).toBe(
      "warning: -H 'Content-Length:' cannot leave it out (the HTTP client sends one for an empty POST): " +
        "Content-Length: 0 is sent instead (the body's length)\n",
    );
  });

  it('leaves it out of an empty GET without a word', async () => {
    const server = await fixture.server();
    const { io, err } = cliIo();
    expect(await send([`${server.url}/x`, '-H', 'Content-Length:'], io)).toBe(0);
    expect(server.received[0]!.headers['content-length']).toBeUndefined();
    expect(err()).toBe('');
  });

  it("with --rows says each row's body length is sent", async () => {
    const server = await fixture.server();
    const rows = fixture.file('rows.csv', 'n\n1\n');
    const { io, err } = cliIo();
    expect(
      await send([`${server.url}/x`, '--rows', rows, '-d', 'n={{n}}', '-H', 'Content-Length:'], io),
    ).toBe(0);
    expect(server.received[0]!.headers['content-length']).toBe('3');
    expect(err()).toBe(
      "warning: -H 'Content-Length:' cannot leave it out (HTTP needs the length of a body): " +
        "each row's body length is sent instead\n",
    );
  });
});
