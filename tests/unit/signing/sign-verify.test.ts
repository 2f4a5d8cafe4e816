import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EndpointVerify } from '../../../electron/shared/contract/endpoints';
import { signingConfig, type SigningConfig } from '../../../electron/shared/send/signing-config';
import { signRequest } from '../../../electron/engine/signing/sign';
import { verifySignature } from '../../../electron/engine/signing/verify';

const examples = JSON.parse(
  readFileSync(join(import.meta.dirname, '../send/fixtures/signature-examples.json'), 'utf8'),
);
const bytes = (text: string) => new TextEncoder().encode(text);
const pairs = (record: Record<string, string>) => Object.entries(record) as [string, string][];
const verifyConfig = (config: SigningConfig, toleranceSeconds = 300): EndpointVerify => ({
  scheme: config.scheme,
  secret: config.secret,
  toleranceSeconds,
  ...(config.header ? { header: config.header } : {}),
  ...(config.algorithm ? { algorithm: config.algorithm } : {}),
  ...(config.encoding ? { encoding: config.encoding } : {}),
});

describe('Standard Webhooks published vector', () => {
  const vector = {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    ts: 1614265330,
    body: '{"test": 2432232314}',
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };

  it('signs to the published signature and shows the signed string', () => {
    const result = signRequest(
      { scheme: 'standard-webhooks', secret: vector.secret },
      { body: bytes(vector.body), id: vector.id, timestampSec: vector.ts },
    );
    expect(result.headers).toEqual([
      ['webhook-id', vector.id],
      ['webhook-timestamp', String(vector.ts)],
      ['webhook-signature', vector.signature],
    ]);
    expect(result.signedString).toBe(examples.standard_webhooks_known_vector.signed_content);
  });

  it('verifies the published headers', () => {
    const config: EndpointVerify = {
      scheme: 'standard-webhooks',
      secret: vector.secret,
      toleranceSeconds: 300,
    };
    const headers = pairs(examples.standard_webhooks_known_vector.headers);
    expect(verifySignature(config, headers, bytes(vector.body), vector.ts + 10)).toEqual({
      ok: true,
      reason: 'valid v1 signature',
    });
  });

  it('accepts a rotated-key list with one matching entry, and svix-* headers', () => {
    const config: EndpointVerify = {
      scheme: 'standard-webhooks',
      secret: vector.secret,
      toleranceSeconds: 300,
    };
    const headers: [string, string][] = [
      ['svix-id', vector.id],
      ['svix-timestamp', String(vector.ts)],
      ['svix-signature', `v1,AAAA${'A'.repeat(40)} ${vector.signature}`],
    ];
    expect(verifySignature(config, headers, bytes(vector.body), vector.ts).ok).toBe(true);
  });
});

describe('signature-examples.json', () => {
  it('the constructed Standard Webhooks example', () => {
    const ex = examples.standard_webhooks_constructed;
    const result = signRequest(
      { scheme: 'standard-webhooks', secret: ex.secret },
      {
        body: bytes(ex.body),
        id: ex.headers['webhook-id'],
        timestampSec: Number(ex.headers['webhook-timestamp']),
      },
    );
    expect(result.headers).toEqual(pairs(ex.headers));
  });

  it('Stripe style', () => {
    const ex = examples.stripe_style;
    const result = signRequest(
      { scheme: 'stripe', secret: ex.secret },
      { body: bytes(ex.body), timestampSec: 1741944602 },
    );
    expect(result.headers).toEqual(pairs(ex.header));
    expect(result.signedString).toBe(ex.signed_content);
    const config: EndpointVerify = { scheme: 'stripe', secret: ex.secret, toleranceSeconds: 300 };
    expect(verifySignature(config, pairs(ex.header), bytes(ex.body), 1741944602).ok).toBe(true);
  });

  it('Stripe: checks each copy of the header against its own timestamp when a stale copy with another t comes first', () => {
    const ex = examples.stripe_style;
    const config: EndpointVerify = { scheme: 'stripe', secret: ex.secret, toleranceSeconds: 300 };
    const sign = (secret: string, t: number) =>
      signRequest({ scheme: 'stripe', secret }, { body: bytes(ex.body), timestampSec: t }).headers[0]!;
    const now = 1741944602;
    const stale = sign('an_old_secret', now - 60);
    const fresh = sign(ex.secret, now);
    expect(verifySignature(config, [stale, fresh], bytes(ex.body), now)).toEqual({
      ok: true,
      reason: 'valid v1 signature',
    });
    // A v1 is never paired with another copy's t: the fresh signature under the stale t does not verify.
    const [, freshV1] = fresh[1].split(',');
    const mixed: [string, string] = ['Stripe-Signature', `${stale[1].split(',')[0]},${freshV1}`];
    expect(verifySignature(config, [mixed], bytes(ex.body), now).ok).toBe(false);
    expect(verifySignature(config, [stale, stale], bytes(ex.body), now).reason).toBe(
      'signature mismatch: bad secret, or the body changed in transit',
    );
  });

  it('GitHub', () => {
    const ex = examples.github;
    const result = signRequest({ scheme: 'github', secret: ex.secret }, { body: bytes(ex.body) });
    expect(result.headers).toEqual([['X-Hub-Signature-256', ex.header['X-Hub-Signature-256']]]);
    const config: EndpointVerify = { scheme: 'github', secret: ex.secret, toleranceSeconds: 300 };
    expect(verifySignature(config, pairs(ex.header), bytes(ex.body), 0)).toEqual({
      ok: true,
      reason: 'valid sha256 signature',
    });
  });

  it('Shopify', () => {
    const ex = examples.shopify;
    const result = signRequest({ scheme: 'shopify', secret: ex.secret }, { body: bytes(ex.body) });
    expect(result.headers).toEqual([['X-Shopify-Hmac-Sha256', ex.header['X-Shopify-Hmac-Sha256']]]);
    const config: EndpointVerify = { scheme: 'shopify', secret: ex.secret, toleranceSeconds: 300 };
    // Header names are matched without regard to case.
    const lower = pairs(ex.header).map(([n, v]) => [n.toLowerCase(), v] as [string, string]);
    expect(verifySignature(config, lower, bytes(ex.body), 0).ok).toBe(true);
  });
});

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const schemes: SigningConfig[] = [
  { scheme: 'standard-webhooks', secret },
  { scheme: 'github', secret: 'gh-secret' },
  { scheme: 'stripe', secret: 'whsec_stripe_style' },
  { scheme: 'shopify', secret: 'shop-secret' },
  {
    scheme: 'hmac',
    secret: 's3',
    header: 'X-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    signedContent: 'body',
  },
  {
    scheme: 'hmac',
    secret: 's3',
    header: 'X-Ortto-Sig',
    algorithm: 'sha1',
    encoding: 'base64',
    signedContent: 'timestamp.body',
  },
  { scheme: 'hmac', secret: 's3', algorithm: 'sha512', encoding: 'hex', signedContent: 'id.timestamp.body' },
];
const timed = (c: SigningConfig) =>
  c.scheme === 'standard-webhooks' ||
  c.scheme === 'stripe' ||
  (c.scheme === 'hmac' && c.signedContent !== 'body');
const name = (c: SigningConfig) =>
  `${c.scheme}${c.scheme === 'hmac' ? ` ${c.algorithm}/${c.encoding}/${c.signedContent}` : ''}`;

describe.each(schemes.map((c) => [name(c), c] as const))('%s round trip', (_label, config) => {
  const body = bytes('{"event":"sub_tag","data":{"id":"8","email":"mary@example.com"}}');
  const now = 1_700_000_000;
  const signed = signRequest(signingConfig.parse(config), { body, id: 'msg_1', timestampSec: now });

  it('verifies what it signed', () => {
    const result = verifySignature(verifyConfig(config), signed.headers, body, now + 5);
    expect(result.ok).toBe(true);
    expect(result.reason).toMatch(/^valid /);
  });

  it('fails with a bad secret', () => {
    const result = verifySignature(
      verifyConfig({
        ...config,
        secret: config.scheme === 'standard-webhooks' ? 'whsec_AAAAAAAAAAAAAAAAAAAAAAAA' : 'wrong',
      }),
      signed.headers,
      body,
      now,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'signature mismatch: bad secret, or the body changed in transit',
    });
  });

  it('fails when the body was edited', () => {
    const edited = bytes('{"event":"sub_tag","data":{"id":"9","email":"mary@example.com"}}');
    expect(verifySignature(verifyConfig(config), signed.headers, edited, now).reason).toContain(
      'body changed',
    );
  });

  it('says "body changed" when a proxy re-serialized the JSON', () => {
    const pretty = bytes(JSON.stringify(JSON.parse(new TextDecoder().decode(body)), null, 2));
    const result = verifySignature(verifyConfig(config), signed.headers, pretty, now);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(
      /^body changed: the signature matches the body re-serialized as compact JSON/,
    );
  });

  it('verifies when the signature header arrives twice, a stale copy first (a proxy adding its own)', () => {
    const other = config.scheme === 'standard-webhooks' ? 'whsec_AAAAAAAAAAAAAAAAAAAAAAAA' : 'stale';
    const stale = signRequest(signingConfig.parse({ ...config, secret: other }), {
      body,
      id: 'msg_1',
      timestampSec: now,
    });
    const signatureHeader = signed.headers[timed(config) && config.scheme === 'standard-webhooks' ? 2 : 0]!;
    const staleCopy = stale.headers.find(([n]) => n === signatureHeader[0])!;
    const result = verifySignature(verifyConfig(config), [staleCopy, ...signed.headers], body, now);
    expect(result.ok).toBe(true);
    const others = signed.headers.filter(([n]) => n !== signatureHeader[0]);
    const twiceStale = [staleCopy, staleCopy, ...others];
    expect(verifySignature(verifyConfig(config), twiceStale, body, now).reason).toBe(
      'signature mismatch: bad secret, or the body changed in transit',
    );
  });

  it('reports the missing signature header by name', () => {
    const signatureHeader =
      signed.headers[timed(config) && config.scheme === 'standard-webhooks' ? 2 : 0]?.[0] ?? '';
    const without = signed.headers.filter(([n]) => n !== signatureHeader);
    const result = verifySignature(verifyConfig(config), without, body, now);
    expect(result).toEqual({ ok: false, reason: `signature header missing (${signatureHeader})` });
  });
});

describe.each(schemes.filter(timed).map((c) => [name(c), c] as const))(
  '%s timestamp window',
  (_label, config) => {
    const body = bytes('{"a":1}');
    const now = 1_700_000_000;
    const signed = signRequest(signingConfig.parse(config), { body, id: 'msg_1', timestampSec: now });

    it('rejects a timestamp outside the tolerance, either side', () => {
      expect(verifySignature(verifyConfig(config, 300), signed.headers, body, now + 301)).toEqual({
        ok: false,
        reason: 'timestamp outside tolerance (301s old, allowed ±300s)',
      });
      expect(verifySignature(verifyConfig(config, 60), signed.headers, body, now - 90).reason).toBe(
        'timestamp outside tolerance (90s in the future, allowed ±60s)',
      );
      expect(verifySignature(verifyConfig(config, 300), signed.headers, body, now + 300).ok).toBe(true);
    });

    it("tolerance 0 checks no timestamp (as Stripe's library does), but still the signature", () => {
      expect(verifySignature(verifyConfig(config, 0), signed.headers, body, now + 86_400 * 365).ok).toBe(
        true,
      );
      expect(verifySignature(verifyConfig(config, 0), signed.headers, body, now - 3600).ok).toBe(true);
      expect(verifySignature(verifyConfig(config, 0), signed.headers, bytes('{"a":2}'), now).ok).toBe(false);
    });
  },
);

describe('malformed input', () => {
  it('rejects a Standard Webhooks secret that is not base64, naming the field', () => {
    expect(() =>
      signRequest({ scheme: 'standard-webhooks', secret: 'whsec_not base64!' }, { body: bytes('x') }),
    ).toThrow(/^secret: /);
    const result = verifySignature(
      { scheme: 'standard-webhooks', secret: 'whsec_!!', toleranceSeconds: 300 },
      [
        ['webhook-id', 'a'],
        ['webhook-timestamp', '1'],
        ['webhook-signature', 'v1,AAAA'],
      ],
      bytes('x'),
      1,
    );
    expect(result.reason).toMatch(/^bad secret: /);
  });

  it('names malformed headers', () => {
    const v = (scheme: EndpointVerify['scheme'], headers: [string, string][]) =>
      verifySignature(
        { scheme, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', toleranceSeconds: 300 },
        headers,
        bytes('x'),
        100,
      ).reason;
    expect(
      v('standard-webhooks', [
        ['webhook-id', 'a'],
        ['webhook-timestamp', 'soon'],
        ['webhook-signature', 'v1,AAAA'],
      ]),
    ).toMatch(/^malformed webhook-timestamp/);
    expect(
      v('standard-webhooks', [
        ['webhook-id', 'a'],
        ['webhook-timestamp', '100'],
        ['webhook-signature', 'v2,AAAA'],
      ]),
    ).toMatch(/^malformed webhook-signature/);
    expect(v('stripe', [['Stripe-Signature', 'v1=abc']])).toMatch(/^malformed Stripe-Signature/);
    expect(v('github', [['X-Hub-Signature-256', 'md5=00']])).toMatch(/^malformed X-Hub-Signature-256/);
    expect(v('shopify', [['X-Shopify-Hmac-Sha256', '%%%']])).toMatch(/^malformed X-Shopify-Hmac-Sha256/);
  });

  it('the config schema requires a secret unless the scheme is none', () => {
    const parsed = signingConfig.safeParse({ scheme: 'github', secret: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['secret']);
    expect(signingConfig.safeParse({ scheme: 'none', secret: '' }).success).toBe(true);
    expect(signingConfig.safeParse({ scheme: 'hmac', secret: 'x', header: 'Bad Header' }).success).toBe(
      false,
    );
  });

  it.each(['Content-Type', 'host', 'Content-Length', 'X-Webhook-Timestamp'])(
    'refuses to carry an HMAC signature in %s, which it would replace on the wire',
    (header) => {
      const parsed = signingConfig.safeParse({ scheme: 'hmac', secret: 's', header });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['header']);
      expect(parsed.error?.issues[0]?.message).toContain(`"${header}" already says something else`);
    },
  );

  it('a generic HMAC over the body alone verifies whatever X-Webhook-Timestamp says, since it does not sign it', () => {
    const body = bytes('{"a":1}');
    const signature = createHmac('sha256', 'k').update(body).digest('hex');
    const config: EndpointVerify = { scheme: 'hmac', secret: 'k', toleranceSeconds: 300 };
    const at = (timestamp: string) =>
      verifySignature(
        config,
        [
          ['X-Signature', signature],
          ['X-Webhook-Timestamp', timestamp],
        ],
        body,
        1_700_000_000,
      );
    expect(at('1699990000')).toEqual({ ok: true, reason: 'valid sha256 hex signature' });
    expect(at('1700000000000')).toEqual({ ok: true, reason: 'valid sha256 hex signature' });
    const overTimestamp = createHmac('sha256', 'k').update('1699990000.').update(body).digest('hex');
    expect(
      verifySignature(
        config,
        [
          ['X-Signature', overTimestamp],
          ['X-Webhook-Timestamp', '1699990000'],
        ],
        body,
        1_700_000_000,
      ).reason,
    ).toBe('timestamp outside tolerance (10000s old, allowed ±300s)');
  });

  it('GitHub falls back to the legacy SHA-1 header', () => {
    const body = bytes('{"zen":"x"}');
    const mac = (algorithm: string) => createHmac(algorithm, 'k').update(body).digest('hex');
    const result = verifySignature(
      { scheme: 'github', secret: 'k', toleranceSeconds: 300 },
      [['X-Hub-Signature', `sha1=${mac('sha1')}`]],
      body,
      0,
    );
    expect(result).toEqual({ ok: true, reason: 'valid sha1 signature' });
  });
});
