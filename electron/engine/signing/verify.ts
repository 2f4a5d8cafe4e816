import type { EndpointVerify } from '../../shared/contract/endpoints';
import { hmacDefaults } from '../../shared/send/signing-config';
import { decodeSignature, hmac, hmacKey, safeEqual, SigningError, type HmacAlgorithm } from './keys';

export interface VerifyResult {
  ok: boolean;
  reason: string;
}

type Headers = readonly (readonly [string, string])[];

const header = (headers: Headers, ...names: string[]) => {
  for (const name of names) {
    const found = headers.find(([n]) => n.toLowerCase() === name.toLowerCase());
    if (found) return found[1];
  }
  return undefined;
};

/**
 * Every value of the first of `names` the request carries. A signature header can arrive more than once (a proxy or a
 * retrying sender adding its own copy); each copy is a candidate, as Node would hand them to a vendor library joined.
 */
const headerAll = (headers: Headers, ...names: string[]) => {
  for (const name of names) {
    const found = headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
    if (found.length > 0) return found;
  }
  return [];
};

/**
 * The bytes a header value arrived as. The receiver keeps each byte as one character (Latin-1), so a sender's UTF-8 id
 * must be hashed as those bytes, not re-encoded. A character above U+00FF cannot have come off the wire that way (an
 * imported capture), so its UTF-8 is what was signed.
 */
const headerBytes = (value: string) =>
  Buffer.from(value, [...value].some((c) => c.charCodeAt(0) > 0xff) ? 'utf8' : 'latin1');

const missing = (name: string): VerifyResult => ({ ok: false, reason: `signature header missing (${name})` });

/** A signer that computes the expected MAC for some bytes, so the same check can run over body variants. */
type Expect = (body: Uint8Array) => Buffer;

/**
 * Verify an incoming request against the endpoint's scheme and secret over the exact raw bytes.
 * Comparisons are constant-time. Failure reasons name what failed: the header, the timestamp window, or the MAC.
 */
export function verifySignature(
  config: EndpointVerify,
  headers: Headers,
  body: Uint8Array,
  nowSec: number,
): VerifyResult {
  try {
    return verifyScheme(config, headers, body, nowSec);
  } catch (error) {
    if (error instanceof SigningError) return { ok: false, reason: `bad secret: ${error.message}` };
    throw error;
  }
}

function verifyScheme(
  config: EndpointVerify,
  headers: Headers,
  body: Uint8Array,
  nowSec: number,
): VerifyResult {
  const tolerance = config.toleranceSeconds ?? 300;
  switch (config.scheme) {
    case 'none':
      return { ok: true, reason: 'no verification configured' };
    case 'standard-webhooks': {
      const id = header(headers, 'webhook-id', 'svix-id');
      const ts = header(headers, 'webhook-timestamp', 'svix-timestamp');
      const sigs = headerAll(headers, 'webhook-signature', 'svix-signature');
      if (sigs.length === 0) return missing('webhook-signature');
      if (id === undefined) return missing('webhook-id');
      if (ts === undefined) return missing('webhook-timestamp');
      const window = checkTimestamp(ts, 'webhook-timestamp', nowSec, tolerance);
      if (window) return window;
      const candidates = sigs
        .join(' ')
        .split(' ')
        .filter((part) => part.startsWith('v1,'))
        .map((part) => decodeSignature(part.slice(3), 'base64'))
        .filter((b): b is Buffer => b !== null);
      if (candidates.length === 0)
        return { ok: false, reason: 'malformed webhook-signature: no "v1,<base64>" entry' };
      const key = hmacKey(config.scheme, config.secret);
      return compare(
        (b) => hmac('sha256', key, [headerBytes(`${id}.${ts}.`), b]),
        candidates,
        body,
        'v1 signature',
      );
    }
    case 'github': {
      const sig256 = headerAll(headers, 'X-Hub-Signature-256');
      const values = sig256.length > 0 ? sig256 : headerAll(headers, 'X-Hub-Signature');
      if (values.length === 0) return missing('X-Hub-Signature-256');
      const algorithm: HmacAlgorithm = sig256.length > 0 ? 'sha256' : 'sha1';
      const prefix = `${algorithm}=`;
      const decoded = values
        .map((value) =>
          value.startsWith(prefix) ? decodeSignature(value.slice(prefix.length), 'hex') : null,
        )
        .filter((b): b is Buffer => b !== null);
      if (decoded.length === 0)
        return {
          ok: false,
          reason: `malformed ${sig256.length > 0 ? 'X-Hub-Signature-256' : 'X-Hub-Signature'}: expected "${prefix}<hex>"`,
        };
      const key = hmacKey(config.scheme, config.secret);
      return compare((b) => hmac(algorithm, key, [b]), decoded, body, `${algorithm} signature`);
    }
    case 'stripe': {
      const values = headerAll(headers, 'Stripe-Signature');
      if (values.length === 0) return missing('Stripe-Signature');
      // Each copy signs with its own timestamp: a copy's v1 is checked against its own t, never another copy's.
      const copies = values.map(stripeFields).filter((copy) => copy !== null);
      if (copies.length === 0)
        return { ok: false, reason: 'malformed Stripe-Signature: expected "t=<unix>,v1=<hex>"' };
      const key = hmacKey(config.scheme, config.secret);
      const results = copies.map(({ t, v1 }) => {
        const window = checkTimestamp(t, 'Stripe-Signature t', nowSec, tolerance);
        return (
          window ?? compare((b) => hmac('sha256', key, [headerBytes(`${t}.`), b]), v1, body, 'v1 signature')
        );
      });
      return results.find((result) => result.ok) ?? results[0]!;
    }
    case 'shopify': {
      const values = headerAll(headers, 'X-Shopify-Hmac-Sha256');
      if (values.length === 0) return missing('X-Shopify-Hmac-Sha256');
      const decoded = values
        .map((value) => decodeSignature(value, 'base64'))
        .filter((b): b is Buffer => b !== null);
      if (decoded.length === 0)
        return { ok: false, reason: 'malformed X-Shopify-Hmac-Sha256: expected base64' };
      const key = hmacKey(config.scheme, config.secret);
      return compare((b) => hmac('sha256', key, [b]), decoded, body, 'HMAC');
    }
    case 'hmac': {
      const name = config.header ?? hmacDefaults.header;
      const algorithm = config.algorithm ?? hmacDefaults.algorithm;
      const encoding = config.encoding ?? hmacDefaults.encoding;
      const values = headerAll(headers, name);
      if (values.length === 0) return missing(name);
      // Accept the common `sha256=` prefix (GitHub style) on generic signatures, in any case: no vendor defines this
      // scheme, and senders write `SHA256=` too. (GitHub's own scheme keeps the lowercase its docs specify.)
      const prefix = `${algorithm}=`;
      const bare = (value: string) =>
        value.slice(0, prefix.length).toLowerCase() === prefix ? value.slice(prefix.length) : value;
      const decoded = values
        .map((value) => decodeSignature(bare(value), encoding))
        .filter((b): b is Buffer => b !== null);
      if (decoded.length === 0) return { ok: false, reason: `malformed ${name}: expected ${encoding}` };
      const key = hmacKey(config.scheme, config.secret);
      const ts = header(headers, hmacDefaults.timestampHeader);
      const id = header(headers, hmacDefaults.idHeader);
      // The window only means something when the timestamp is signed: a body-only signature does not cover it.
      const overBodyOnly = () => decoded.some((c) => safeEqual(c, hmac(algorithm, key, [body])));
      if (ts !== undefined) {
        const window = checkTimestamp(ts, hmacDefaults.timestampHeader, nowSec, tolerance);
        if (window && !overBodyOnly()) return window;
      }
      // What is signed is not part of the endpoint's settings: try body, `ts.body`, `id.ts.body` (what we send).
      const signed: Array<{ label: string; prefix: string }> = [{ label: '', prefix: '' }];
      if (ts !== undefined) signed.push({ label: ' over timestamp.body', prefix: `${ts}.` });
      if (ts !== undefined && id !== undefined)
        signed.push({ label: ' over id.timestamp.body', prefix: `${id}.${ts}.` });
      const expects = signed.map(
        ({ prefix }) =>
          (b: Uint8Array) =>
            hmac(algorithm, key, [headerBytes(prefix), b]),
      );
      return compare(
        expects,
        decoded,
        body,
        `${algorithm} ${encoding} signature`,
        signed.map((s) => s.label),
      );
    }
    default: {
      const never: never = config.scheme;
      return { ok: false, reason: `scheme: unknown "${String(never)}"` };
    }
  }
}

/** One Stripe-Signature value's timestamp and v1 signatures, or null when it has no t or no v1 in hex. */
function stripeFields(value: string): { t: string; v1: Buffer[] } | null {
  const fields = value.split(',').map((part) => part.trim().split('=') as [string, string?]);
  const t = fields.find(([k]) => k === 't')?.[1];
  const v1 = fields
    .filter(([k]) => k === 'v1')
    .map(([, v]) => decodeSignature(v ?? '', 'hex'))
    .filter((b): b is Buffer => b !== null);
  return t === undefined || v1.length === 0 ? null : { t, v1 };
}

/** Tolerance 0 means no timestamp check at all (as in Stripe's own library), not "the same second". */
function checkTimestamp(value: string, name: string, nowSec: number, tolerance: number): VerifyResult | null {
  if (tolerance === 0) return null;
  if (!/^\d{1,12}$/.test(value.trim()))
    return { ok: false, reason: `malformed ${name}: expected unix seconds, got "${value.slice(0, 40)}"` };
  const skew = Math.floor(nowSec) - Number(value.trim());
  if (Math.abs(skew) > tolerance) {
    const direction = skew > 0 ? `${skew}s old` : `${-skew}s in the future`;
    return { ok: false, reason: `timestamp outside tolerance (${direction}, allowed ±${tolerance}s)` };
  }
  return null;
}

function compare(
  expect: Expect | Expect[],
  candidates: Buffer[],
  body: Uint8Array,
  what: string,
  /** Appended to the success reason: which of the `expect` functions matched. */
  labels: string[] = [],
): VerifyResult {
  const expects = Array.isArray(expect) ? expect : [expect];
  const matches = (bytes: Uint8Array) =>
    expects.findIndex((fn) => {
      const mac = fn(bytes);
      return candidates.some((candidate) => safeEqual(candidate, mac));
    });
  const index = matches(body);
  if (index >= 0) return { ok: true, reason: `valid ${what}${labels[index] ?? ''}` };
  const variant = bodyVariants(body).find(({ bytes }) => matches(bytes) >= 0);
  if (variant) {
    return {
      ok: false,
      reason: `body changed: the signature matches the body ${variant.label}, so something re-encoded it in transit`,
    };
  }
  return { ok: false, reason: 'signature mismatch: bad secret, or the body changed in transit' };
}

/** Common in-transit rewrites: a trailing newline added or dropped, JSON re-serialized compact or pretty. */
function bodyVariants(body: Uint8Array): Array<{ label: string; bytes: Uint8Array }> {
  const text = Buffer.from(body).toString('utf8');
  const variants: Array<{ label: string; bytes: Uint8Array }> = [];
  const add = (label: string, value: string) => {
    if (value !== text) variants.push({ label, bytes: Buffer.from(value, 'utf8') });
  };
  if (/\r?\n$/.test(text)) add('without its trailing newline', text.replace(/\r?\n$/, ''));
  else add('with a trailing newline', `${text}\n`);
  try {
    const parsed: unknown = JSON.parse(text);
    add('re-serialized as compact JSON', JSON.stringify(parsed));
    add('re-serialized as indented JSON', JSON.stringify(parsed, null, 2));
  } catch {
    // Not JSON: only the newline variants apply.
  }
  return variants;
}
