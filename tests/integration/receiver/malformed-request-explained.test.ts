import { expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const exchange = (payload: string) => rawExchange(Number(new URL(t.engine.receiverUrl).port), payload);
/** The body after the head of a raw answer. */
const bodyOf = (reply: string) => reply.slice(reply.indexOf('\r\n\r\n') + 4);

it('a folded header (obs-fold) is refused with 400 saying so, not an empty answer', async () => {
  const reply = await exchange(
    'POST /folded HTTP/1.1\r\nHost: x\r\nX-Long: one\r\n  two\r\nContent-Length: 2\r\n\r\nhi',
  );
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  expect(bodyOf(reply)).toMatch(
    /not captured: a header is continued on the next line \(obsolete line folding/,
  );
});

it("any other request the parser refuses gets 400 with the parser's reason", async () => {
  const reply = await exchange('POST /bad HTTP/1.1\r\nHost: x\r\nBad Name: x\r\nContent-Length: 2\r\n\r\nhi');
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  expect(bodyOf(reply)).toMatch(/not captured: Invalid header token \(HPE_INVALID_HEADER_TOKEN\)/);
});

it('headers over the size limit get 431 naming the limit', async () => {
  const reply = await exchange(`GET /big HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`);
  expect(reply).toMatch(/^HTTP\/1\.1 431 /);
  expect(bodyOf(reply)).toContain(`over the receiver's ${64 * 1024}-byte limit`);
});
