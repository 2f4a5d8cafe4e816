import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { eventually, row, useUiSession } from './support/ui';

const s = useUiSession();

it('a capture whose held response was never sent leaves a status filter it no longer matches', async () => {
  const created = await s.app.rpc('endpoints.create', {
    slug: 'slow',
    name: 'Slow',
    rule: { status: 500, headers: [], body: 'down', delayMs: 60_000, behaviour: { kind: 'fixed' } },
  });
  if (!created.ok) throw new Error(created.error.message);
  await s.page.evaluate(() => (window.location.hash = 'status=5xx'));
  const count = () => s.page.getByTestId('result-count').innerText();
  await eventually(async () => expect(await count()).toBe('0 captures match'));

  // The sender gives up before the rule's delay ends: the 500 recorded for it is never sent.
  const socket = connect(Number(new URL(s.app.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => undefined);
  socket.write('POST /h/slow/gave-up HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na');
  await row(s.page, '/h/slow/gave-up').waitFor();
  expect(await count()).toBe('1 capture matches');
  socket.destroy();

  // The engine now counts it as no response: the list and its count say what the filter matches.
  await eventually(async () => {
    const answer = await s.app.rpc<{ count: number }>('captures.count', { filter: { statuses: [500] } });
    expect(answer.ok && answer.value.count).toBe(0);
  });
  await eventually(async () => expect(await row(s.page, '/h/slow/gave-up').count()).toBe(0));
  expect(await count()).toBe('0 captures match');
});
