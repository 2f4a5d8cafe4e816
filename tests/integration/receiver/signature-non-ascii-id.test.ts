import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../electron/engine/signing/sign';
import type { SigningConfig } from '../../../electron/shared/send/signing-config';
import { send } from '../../helpers/raw-http';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const t = useEngineForUi();
/** node:http writes each character of a header value as one byte, so this puts the UTF-8 bytes on the wire. */
const utf8OnWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** Signs as a sender would (id as UTF-8 bytes) and sends the headers' UTF-8 bytes raw; returns the stored verdict. */
async function verdictFor(slug: string, config: SigningConfig) {
  const body = '{"event":"contact.created"}';
  const signed = signRequest(config, { body: Buffer.from(body), id: 'msg_café_☕' });
  const res = await send(`${t.engine.receiverUrl}/h/${slug}`, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ...signed.headers.map(([n, v]): [string, string] => [n, utf8OnWire(v)]),
    ],
    body,
  });
  const capture = await t.api.call('captures.get', { id: Number(res.headers['x-hookscope-capture-id']) });
  return capture.verification;
}

describe('signature verification with a non-ASCII message id', () => {
  it('Standard Webhooks: a webhook-id sent as UTF-8 bytes verifies', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    await t.api.call('endpoints.create', {
      slug: 'standard',
      name: 'Standard',
      verify: { scheme: 'standard-webhooks', secret, toleranceSeconds: 300 },
    });
    expect(await verdictFor('standard', { scheme: 'standard-webhooks', secret })).toEqual({
      scheme: 'standard-webhooks',
      ok: true,
      reason: 'valid v1 signature',
    });
  });

  it('generic HMAC over id.timestamp.body: an X-Webhook-Id sent as UTF-8 bytes verifies', async () => {
    const secret = 'generic-secret';
    await t.api.call('endpoints.create', {
      slug: 'generic',
      name: 'Generic',
      verify: { scheme: 'hmac', secret, toleranceSeconds: 300 },
    });
    expect(
      await verdictFor('generic', { scheme: 'hmac', secret, signedContent: 'id.timestamp.body' }),
    ).toEqual({ scheme: 'hmac', ok: true, reason: 'valid sha256 hex signature over id.timestamp.body' });
  });
});
