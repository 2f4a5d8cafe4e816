import { afterEach, describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { cueServer } from './helpers';

let server: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('hookscope send, time-scaled under a rate limit', () => {
  it("prints when the next attempt can really start: Ontraport's 60/min gate is not time-scaled", async () => {
    server = await cueServer((n) => ({ status: n < 1 ? 500 : 200 }));
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => {} };
    const args = [`${server.url}/op`, '-d', 'a=1', '--policy', 'ontraport', '--time-scale', '0.0001'];
    expect(await send(args, io)).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    // The policy's minute, time-scaled, is 6 ms; the gate spaces attempts to the same origin 1 s apart, counted from
    // when the first attempt started, so the wait printed after it is 1 s less however long that attempt took.
    expect(lines[0]).toMatch(/ 500 .* next in ([1-9]\d\d ms|1\.0 s)$/);
    expect(lines[1]).toMatch(/ 200 .* delivered$/);
  });
});
