import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { until, useApiHarness, type Received } from './helpers';

const harness = useApiHarness();
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = Buffer.from('{"name":"Zoë ☕ café"}');

/** The header's value as bytes off the wire (node:http hands each byte over as one Latin-1 character). */
const wireBytes = (req: Received, name: string) => {
  const index = req.rawHeaders.findIndex((n, i) => i % 2 === 0 && n.toLowerCase() === name);
  return Buffer.from(req.rawHeaders[index + 1] ?? '', 'latin1');
};

/** What a receiver holding the secret checks: the HMAC of the bytes it received, id and timestamp as they arrived. */
function receiverCheck(req: Received) {
  const signed = Buffer.concat([
    wireBytes(req, 'webhook-id'),
    Buffer.from('.'),
    wireBytes(req, 'webhook-timestamp'),
    Buffer.from('.'),
    req.body,
  ]);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return { signed, valid: wireBytes(req, 'webhook-signature').toString('latin1') === expected };
}

// A preview given a message id such as "msg_café" signed its UTF-8 bytes, but a header carries é as one Latin-1 byte:
// the request sent with the previewed headers failed every receiver's check, and the preview's signed string was not
// what arrived.
describe('a signed request with non-ASCII content: the preview, the attempt log and the wire agree', () => {
  it.each(['msg_café', 'msg_☕', 'msg two'])('signing.preview refuses the id %j, naming id', async (id) => {
    const reply = await harness.call('signing.preview', {
      config: { scheme: 'standard-webhooks', secret },
      bodyBase64: body.toString('base64'),
      id,
    });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(/\bid\b.*printable ASCII/);
  });

  it('the previewed headers, sent as they are, verify at a real receiver over a non-ASCII body', async () => {
    const preview = (await harness.call('signing.preview', {
      config: { scheme: 'standard-webhooks', secret },
      bodyBase64: body.toString('base64'),
      id: 'msg_2f9Qx',
      timestampSec: Math.floor(Date.now() / 1000),
    })) as { ok: true; value: { headers: [string, string][]; signedString: string } };
    const before = harness.server.received.length;
    const sent = await harness.call('deliveries.send', {
      request: {
        method: 'POST',
        url: `${harness.server.url}/previewed`,
        headers: preview.value.headers,
        bodyBase64: body.toString('base64'),
      },
    });
    expect(sent.ok).toBe(true);
    const req = await until(() => harness.server.received[before]);
    const check = receiverCheck(req);
    expect(check.valid).toBe(true);
    expect(check.signed.toString('utf8')).toBe(preview.value.signedString);
  });

  it("an engine-signed delivery verifies at a real receiver, and its attempt's signed string is what arrived", async () => {
    const before = harness.server.received.length;
    const sent = (await harness.call('deliveries.send', {
      request: { method: 'POST', url: `${harness.server.url}/signed`, bodyBase64: body.toString('base64') },
      signing: { scheme: 'standard-webhooks', secret },
    })) as { ok: true; value: { id: number } };
    const req = await until(() => harness.server.received[before]);
    const check = receiverCheck(req);
    expect(check.valid).toBe(true);
    const log = await until(async () => {
      const detail = (await harness.call('deliveries.get', { id: sent.value.id })) as {
        value: { attemptList: Array<{ signedString: string | null }> };
      };
      return detail.value.attemptList[0];
    });
    expect(log.signedString).toBe(check.signed.toString('utf8'));
  });
});
