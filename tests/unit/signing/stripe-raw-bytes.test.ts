import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EndpointVerify } from '../../../electron/shared/contract/endpoints';
import { signRequest } from '../../../electron/engine/signing/sign';
import { verifySignature } from '../../../electron/engine/signing/verify';

const secret = 'whsec_stripe_raw';
const noWindow: EndpointVerify = { scheme: 'stripe', secret, toleranceSeconds: 0 };
const invalidUtf8Body = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x80, 0x7d]);

/** What Stripe signs, computed here without the engine: the bytes of `t`, a dot, then the raw body bytes. */
const independentV1 = (tBytes: Buffer, body: Buffer) =>
  createHmac('sha256', secret)
    .update(Buffer.concat([tBytes, Buffer.from('.'), body]))
    .digest('hex');

/** A header value as the receiver keeps it: one character per byte off the wire. */
const stripeHeader = (tBytes: Buffer, v1: string): [string, string] => [
  'Stripe-Signature',
  `t=${tBytes.toString('latin1')},v1=${v1}`,
];

describe('Stripe-style signing over raw bytes', () => {
  it('signs `${t}.` followed by a body that is not valid UTF-8, byte for byte', () => {
    const t = 1_700_000_000;
    const expected = independentV1(Buffer.from(String(t)), invalidUtf8Body);
    const signed = signRequest({ scheme: 'stripe', secret }, { body: invalidUtf8Body, timestampSec: t });
    expect(signed.headers).toEqual([['Stripe-Signature', `t=${t},v1=${expected}`]]);
    expect(verifySignature(noWindow, signed.headers, invalidUtf8Body, t + 86_400)).toEqual({
      ok: true,
      reason: 'valid v1 signature',
    });
  });

  it('with tolerance 0 hashes a non-ASCII t as the bytes it arrived as, not re-encoded as UTF-8', () => {
    const tBytes = Buffer.from([0x31, 0x37, 0xe9, 0xff]);
    const header = stripeHeader(tBytes, independentV1(tBytes, invalidUtf8Body));
    expect(verifySignature(noWindow, [header], invalidUtf8Body, 1_700_000_000)).toEqual({
      ok: true,
      reason: 'valid v1 signature',
    });
    const otherBody = Buffer.from([0x7b, 0xff, 0xfd, 0x00, 0x80, 0x7d]);
    expect(verifySignature(noWindow, [header], otherBody, 1_700_000_000).ok).toBe(false);
  });
});
