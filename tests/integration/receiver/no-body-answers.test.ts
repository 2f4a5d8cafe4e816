import { expect, it } from 'vitest';
import type { ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

const rule = (status: number): ResponseRule => ({
  status,
  headers: [],
  body: 'should not be sent',
  delayMs: 0,
  behaviour: { kind: 'fixed' },
});

/** The raw answer split at the end of its head; the headers lower-cased. */
async function exchange(payload: string) {
  const reply = await rawExchange(Number(new URL(t.engine.receiverUrl).port), payload);
  const end = reply.indexOf('\r\n\r\n');
  expect(end).toBeGreaterThan(0);
  const head = reply.slice(0, end).toLowerCase();
  return { head, after: reply.slice(end + 4), id: Number(/x-hookscope-capture-id: (\d+)/.exec(head)?.[1]) };
}

it('a 2xx answer to CONNECT has no Content-Length and no body, and is recorded without one (RFC 9110 §9.3.6)', async () => {
  const { head, after, id } = await exchange(
    'CONNECT hooks.example.com:443 HTTP/1.1\r\nHost: hooks.example.com:443\r\n\r\n',
  );
  expect(head).toMatch(/^http\/1\.1 200/);
  expect(head).not.toContain('content-length');
  expect(head).not.toContain('transfer-encoding');
  expect(after).toBe('');
  expect((await call('captures.get', { id })).response?.bodyBase64).toBe('');
});

it('a 205 has Content-Length 0 and no body, whatever the rule says, and is recorded without one', async () => {
  await call('endpoints.create', { slug: 'reset', name: 'Reset', rule: rule(205) });
  const { head, after, id } = await exchange(
    'POST /h/reset/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx',
  );
  expect(head).toMatch(/^http\/1\.1 205/);
  expect(head).toContain('content-length: 0');
  expect(after).toBe('');
  expect((await call('captures.get', { id })).response?.bodyBase64).toBe('');
});
