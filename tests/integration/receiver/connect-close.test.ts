import { expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();

it("a CONNECT's response says 'close' when its connection ends, so what watches requests in flight sees it end", async () => {
  let started = 0;
  let ended = 0;
  t.engine.ctx.receiverHooks.watchers.push(({ path }) => {
    if (path !== 'hooks.example.com:443') return null;
    started++;
    return () => ended++;
  });
  const reply = await rawExchange(
    Number(new URL(t.engine.receiverUrl).port),
    'CONNECT hooks.example.com:443 HTTP/1.1\r\nHost: hooks.example.com:443\r\n\r\n',
  );
  expect(reply).toMatch(/^HTTP\/1\.1 200 /);
  expect(started).toBe(1);
  // Bounded: the old receiver never ended it.
  for (let i = 0; i < 50 && ended === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(ended).toBe(1);
});
