import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

/** Every value the server got for `name`, from the raw header list (so duplicates show). */
function rawValues(rawHeaders: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]!.toLowerCase() === name) out.push(rawHeaders[i + 1]!);
  return out;
}

/** Replays `body` with the `stale` headers, signed by `signing`: the raw headers the target got, and the logged attempt. */
async function replaySigned(body: string, stale: string[][], signing: Record<string, string>) {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: {
      method: 'POST',
      url: `${server.url}/signed`,
      headers: [['Content-Type', 'application/json'], ...stale],
      bodyBase64: Buffer.from(body).toString('base64'),
    },
    type: 'replay',
    policy: 'none',
    signing,
  } as never);
  await h.drain();
  expect(server.received).toHaveLength(1);
  return { raw: server.received[0]!.rawHeaders, attempt: h.service.get(id).attemptList[0]! };
}

describe('signing a request that already carries signature headers (a replayed capture)', () => {
  it.each([
    [
      'github',
      { scheme: 'github', secret: 'gh-secret' },
      [['x-hub-signature-256', 'sha256=stale']],
      ['x-hub-signature-256'],
    ],
    [
      'standard-webhooks',
      { scheme: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      [
        ['Webhook-Id', 'msg_stale'],
        ['webhook-timestamp', '1'],
        ['WEBHOOK-SIGNATURE', 'v1,stale'],
      ],
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
    ],
  ])('%s: the fresh headers replace the stale ones, sent once each', async (_name, signing, stale, names) => {
    const body = '{"a":1}';
    const { raw, attempt } = await replaySigned(body, stale, signing);
    for (const name of names) {
      const values = rawValues(raw, name);
      expect(values, name).toHaveLength(1);
      expect(stale.map(([, v]) => v)).not.toContain(values[0]);
    }
    if (signing.scheme === 'github')
      expect(rawValues(raw, 'x-hub-signature-256')).toEqual([
        `sha256=${createHmac('sha256', 'gh-secret').update(body).digest('hex')}`,
      ]);
    const logged = attempt.requestHeaders.map(([n]) => n.toLowerCase());
    for (const name of names) expect(logged.filter((n) => n === name)).toHaveLength(1);
  });
});

describe("signing a replayed capture that carries the vendor's own copies of the signature", () => {
  const body = '{"type":"user.created"}';
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('Standard Webhooks: svix-id, svix-timestamp and svix-signature (read first by the Svix library) are signed afresh', async () => {
    const { raw } = await replaySigned(
      body,
      [
        ['svix-id', 'msg_stale'],
        ['svix-timestamp', '1'],
        ['svix-signature', 'v1,c3RhbGU='],
      ],
      { scheme: 'standard-webhooks', secret },
    );
    const [id] = rawValues(raw, 'svix-id');
    const [timestamp] = rawValues(raw, 'svix-timestamp');
    expect(id).toBe(rawValues(raw, 'webhook-id')[0]);
    expect(timestamp).toBe(rawValues(raw, 'webhook-timestamp')[0]);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(rawValues(raw, 'svix-signature')).toEqual([`v1,${expected}`]);
  });

  it('GitHub: the legacy SHA-1 X-Hub-Signature GitHub sends beside the SHA-256 one is signed afresh', async () => {
    const { raw } = await replaySigned(
      body,
      [
        ['X-Hub-Signature', 'sha1=0000000000000000000000000000000000000000'],
        ['X-Hub-Signature-256', 'sha256=stale'],
      ],
      { scheme: 'github', secret: 'gh-secret' },
    );
    expect(rawValues(raw, 'x-hub-signature')).toEqual([
      `sha1=${createHmac('sha1', 'gh-secret').update(body).digest('hex')}`,
    ]);
  });

  it('a request carrying no such copy gets none', async () => {
    const { raw } = await replaySigned(body, [], { scheme: 'github', secret: 'gh-secret' });
    expect(rawValues(raw, 'x-hub-signature')).toEqual([]);
    const sw = await replaySigned(body, [], { scheme: 'standard-webhooks', secret });
    expect(rawValues(sw.raw, 'svix-signature')).toEqual([]);
  });
});
