import { expect, it } from 'vitest';
import { createHttpSender } from '../../../electron/engine/delivery/http-attempt';
import { systemClock } from '../../../electron/engine/util/clock';
import { useCleanup } from '../../helpers/cleanup';
import { stallingTcpServer } from '../../helpers/stalling-tcp-server';
import { deliveryHarness, until } from './helpers';

const cleanup = useCleanup();

async function stallingServer(firstBytes: string) {
  const server = await stallingTcpServer(firstBytes);
  cleanup.push(() => server.close());
  return server.url;
}

async function attemptsAgainst(url: string, count: number, timeoutMs: number) {
  const h = deliveryHarness({ clock: systemClock, send: createHttpSender() });
  cleanup.push(() => h.close());
  for (let i = 0; i < count; i++)
    h.service.send({
      request: { method: 'POST', url: `${url}/r/${i}`, headers: [], bodyBase64: '' },
      type: 'manual',
      policy: 'none',
      ratePerMinute: 600,
      timeoutMs,
    } as never);
  h.service.start();
  return until(() => {
    const rows = h.db
      .prepare('SELECT error, duration_ms AS durationMs FROM delivery_attempts ORDER BY id')
      .all() as Array<{ error: string; durationMs: number }>;
    return rows.length === count ? rows : undefined;
  }, 2400); // real timeouts on a loaded machine: give up after about 24 s, not 8
}

it('a server that never answers: every attempt ends at its configured timeout, with the one message naming it', async () => {
  const url = await stallingServer('');
  const rows = await attemptsAgainst(url, 3, 800);
  expect(rows.map((r) => r.error)).toEqual(Array(3).fill('timed out after 800 ms'));
  for (const { durationMs } of rows) expect(durationMs).toBeGreaterThanOrEqual(800);
});

it('a server that sends its headers then stalls the body: the attempt ends at its configured timeout', async () => {
  const url = await stallingServer(
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\npartial',
  );
  const rows = await attemptsAgainst(url, 3, 800);
  expect(rows.map((r) => r.error)).toEqual(
    Array(3).fill("HTTP 200; the answer's body was cut off: timed out after 800 ms"),
  );
  for (const { durationMs } of rows) expect(durationMs).toBeGreaterThanOrEqual(800);
});
