import { createHmac, timingSafeEqual } from 'node:crypto';
import { standardWebhooksSecretProblem } from '../../shared/send/signing-config';

export type HmacAlgorithm = 'sha256' | 'sha1' | 'sha512';

/** Thrown for a secret that cannot be used; the message names the field. */
export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

/**
 * The HMAC key for a scheme. Standard Webhooks secrets are base64 after an optional `whsec_` prefix (as the
 * reference library does); every other scheme uses the secret's UTF-8 bytes.
 */
export function hmacKey(scheme: string, secret: string): Buffer {
  if (scheme !== 'standard-webhooks') return Buffer.from(secret, 'utf8');
  const problem = standardWebhooksSecretProblem(secret);
  if (problem) throw new SigningError(`secret: ${problem}`);
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function hmac(algorithm: HmacAlgorithm, key: Buffer, parts: Array<string | Uint8Array>): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time equality that is false (not an exception) when lengths differ. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decode a signature as written in a header; `null` when it is not valid in that encoding. */
export function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | null {
  const trimmed = text.trim();
  if (encoding === 'hex') return /^(?:[0-9a-fA-F]{2})+$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
}

/** The signed string for display: UTF-8 text, with the body shown as-is (binary bytes become U+FFFD). */
export const displayParts = (parts: Array<string | Uint8Array>) =>
  parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
