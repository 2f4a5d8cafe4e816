import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { useHoldingTarget } from '../../helpers/holding-target';
import { createHttpTransport } from '../../helpers/http-client';
import { startServeChild } from '../../helpers/serve-child';
import { tempDir } from '../../helpers/temp-dir';

const cleanups = useCleanup();
const target = useHoldingTarget();

/** Whether a new connection to `url`'s port is accepted (serve closes its API first when it stops). */
const accepts = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
    socket.once('connect', () => socket.destroy());
  });

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

// `npm exec hookscope -- serve` at a terminal: Ctrl+C reaches serve from the terminal and again from npm, and an
// impatient user presses it twice. A repeat that arrives while serve is closing (here: held open by an in-flight
// delivery's grace) must not kill it halfway, leaving the data folder's lock behind.
it.skipIf(process.platform === 'win32')(
  'serve: a second SIGINT while it closes is ignored with "still closing…"; it exits 0 and releases the lock',
  async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const { child, exited, output } = startServeChild(data.path, cleanups);
    await until(() => output.stdout.includes('\n') || child.exitCode !== null);
    const ready = JSON.parse(output.stdout.split('\n')[0]!) as { apiUrl: string; token: string };
    const transport = createHttpTransport(ready.apiUrl, ready.token);
    const sent = await transport.invoke('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/held`, headers: [], bodyBase64: '' },
      type: 'manual',
    });
    expect(sent.ok).toBe(true);
    const heldBefore = target.held.length;
    await until(() => target.held.length > heldBefore);

    child.kill('SIGINT');
    // The API stops answering once the close has begun; the held delivery keeps the engine closing meanwhile.
    while (await accepts(ready.apiUrl)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    await until(
      () => output.stderr.includes('still closing') || child.exitCode !== null || child.signalCode !== null,
    );
    for (const res of target.held) if (!res.writableEnded) res.end('late');

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output.stderr).toContain('still closing…');
    expect(existsSync(join(data.path, 'hookscope.lock'))).toBe(false);
  },
  60_000,
);
