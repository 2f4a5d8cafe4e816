import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const harness = useApiHarness();
const body = Buffer.from('{"event":"push"}');
const signedWith = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const verify = (secret: string, signature: string) =>
  harness.call('signing.verify', {
    config: { scheme: 'github', secret },
    headers: [['X-Hub-Signature-256', signature]],
    bodyBase64: body.toString('base64'),
  });

// signing.verify took a pasted secret's trailing newline as part of it: every signature made with the real secret was
// "bad secret, or the body changed in transit", though endpoints and outgoing signing refuse such a secret by name.
describe('signing.verify with a secret that has a space or line break around it', () => {
  it.each(['shh\n', 'shh\r\n', ' shh', 'shh\t'])('%j is refused naming config.secret', async (secret) => {
    const reply = await verify(secret, signedWith('shh'));
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(/config\.secret.*starts or ends with a space, tab or line break/);
  });

  it('the same secret without it verifies, and one with a space inside is taken as given', async () => {
    expect(await verify('shh', signedWith('shh'))).toEqual({
      ok: true,
      value: { ok: true, reason: 'valid sha256 signature' },
    });
    expect(await verify('two words', signedWith('two words'))).toEqual({
      ok: true,
      value: { ok: true, reason: 'valid sha256 signature' },
    });
  });

  it('no scheme needs no secret, whatever it holds', async () => {
    const reply = await harness.call('signing.verify', {
      config: { scheme: 'none', secret: ' ' },
      headers: [],
    });
    expect(reply.ok).toBe(true);
  });
});
