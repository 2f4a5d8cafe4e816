import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EndpointVerify } from '../../../electron/shared/contract/endpoints';
import { verifySignature } from '../../../electron/engine/signing/verify';

const body = Buffer.from('{"event":"order.paid"}');
const now = 1_700_000_000;
const mac = (algorithm: string, encoding: 'hex' | 'base64') =>
  createHmac(algorithm, 'k').update(body).digest(encoding);
const verify = (config: EndpointVerify, headers: [string, string][]) =>
  verifySignature(config, headers, body, now);

// Generic HMAC accepted `sha256=<hex>` but refused `SHA256=<hex>`, as some senders write it, as malformed.
describe('the algorithm prefix of a generic HMAC signature, in any case', () => {
  it.each([
    ['SHA256=', 'sha256', 'hex', (s: string) => s],
    ['Sha256=', 'sha256', 'hex', (s: string) => s.toUpperCase()],
    ['SHA512=', 'sha512', 'hex', (s: string) => s],
    ['SHA1=', 'sha1', 'base64', (s: string) => s],
  ] as const)('%s verifies (%s, %s)', (prefix, algorithm, encoding, hexCase) => {
    const config: EndpointVerify = {
      scheme: 'hmac',
      secret: 'k',
      algorithm,
      encoding,
      toleranceSeconds: 300,
    };
    expect(verify(config, [['X-Signature', `${prefix}${hexCase(mac(algorithm, encoding))}`]])).toEqual({
      ok: true,
      reason: `valid ${algorithm} ${encoding} signature`,
    });
  });

  it("another algorithm's prefix is still not taken for this one", () => {
    const config: EndpointVerify = {
      scheme: 'hmac',
      secret: 'k',
      algorithm: 'sha256',
      toleranceSeconds: 300,
    };
    expect(verify(config, [['X-Signature', `SHA1=${mac('sha256', 'hex')}`]]).ok).toBe(false);
  });

  it('a wrong signature behind an uppercase prefix is a mismatch, not a pass', () => {
    const config: EndpointVerify = { scheme: 'hmac', secret: 'other', toleranceSeconds: 300 };
    expect(verify(config, [['X-Signature', `SHA256=${mac('sha256', 'hex')}`]])).toEqual({
      ok: false,
      reason: 'signature mismatch: bad secret, or the body changed in transit',
    });
  });

  it("GitHub's scheme keeps the lowercase sha256= its docs specify", () => {
    const config: EndpointVerify = { scheme: 'github', secret: 'k', toleranceSeconds: 300 };
    expect(verify(config, [['X-Hub-Signature-256', `sha256=${mac('sha256', 'hex')}`]]).ok).toBe(true);
    expect(verify(config, [['X-Hub-Signature-256', `SHA256=${mac('sha256', 'hex')}`]])).toEqual({
      ok: false,
      reason: 'malformed X-Hub-Signature-256: expected "sha256=<hex>"',
    });
  });
});
