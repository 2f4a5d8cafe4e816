import { expect, it } from 'vitest';
import { run as tail } from '../../../electron/cli/commands/tail';
import { cliIo } from '../../helpers/cli-io';
import { send } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const app = useTestEngine();

it('tail --until a moment ahead prints what arrives before it, then says the window ended and exits 0', async () => {
  const out = cliIo();
  const untilMs = Date.now() + 2_000;
  // Bounded: a tail that kept following is stopped here, and the test then fails on `aborted`.
  const stop = AbortSignal.timeout(10_000);
  const tailing = tail(
    ['--data-dir', app.dataDir, '--json', '--interval', '20', '--until', String(untilMs)],
    out.io,
    stop,
  );
  await send(`${app.engine.receiverUrl}/in-window`, { method: 'POST', body: 'a' });

  expect(await tailing).toBe(0);
  expect(stop.aborted).toBe(false);
  expect(
    out
      .out()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { path: string }).path),
  ).toEqual(['/in-window']);
  expect(out.err()).toContain(`--until ${new Date(untilMs).toISOString()} has passed`);
});
