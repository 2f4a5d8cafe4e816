import { z } from 'zod';

export const signingSchemes = ['none', 'standard-webhooks', 'github', 'stripe', 'shopify', 'hmac'] as const;
export type SigningScheme = (typeof signingSchemes)[number];

/**
 * Why a Standard Webhooks secret cannot be used, or null. It is base64 after an optional `whsec_` prefix, as the
 * reference library reads it.
 */
export function standardWebhooksSecretProblem(secret: string): string | null {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (encoded !== '' && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 !== 1) return null;
  return 'a Standard Webhooks secret is base64 after "whsec_" (e.g. whsec_MfKQ9r8GKYqr…)';
}

/**
 * A signing configuration's fields, its secret unchecked: a saved webhook may hold one to fill in later (an import of
 * an export whose secrets were redacted). Sending checks the secret (`signingConfig`).
 */
export const signingFields = z.object({
  scheme: z.enum(signingSchemes),
  secret: z.string().max(4096),
  /** Generic HMAC: the header that carries the signature (default `X-Signature`). */
  header: z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name')
    .optional(),
  algorithm: z.enum(['sha256', 'sha1', 'sha512']).optional(),
  encoding: z.enum(['hex', 'base64']).optional(),
  /** What is signed: the raw body, `{timestamp}.{body}` or `{id}.{timestamp}.{body}`. */
  signedContent: z.enum(['body', 'timestamp.body', 'id.timestamp.body']).optional(),
});

/** How an outgoing request is signed. `header`, `algorithm`, `encoding`, `signedContent` apply to `hmac`. */
export const signingConfig = signingFields.strict().superRefine((config, ctx) => {
  if (config.scheme !== 'none' && config.secret === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message: `a secret is required for ${config.scheme} signing`,
    });
  } else if (config.scheme !== 'none' && /^\s|\s$/.test(config.secret)) {
    // Pasted into a password field, a space or line break around the secret cannot be seen; no receiver holding the
    // real secret could then verify a single signature (as endpoint verification refuses such a secret too).
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message:
        'starts or ends with a space, tab or line break, most likely pasted along with it: remove it, or no receiver holding the real secret can verify these signatures',
    });
  } else if (config.scheme === 'standard-webhooks') {
    const problem = standardWebhooksSecretProblem(config.secret);
    if (problem) ctx.addIssue({ code: 'custom', path: ['secret'], message: problem });
  }
  const header = config.header?.toLowerCase();
  if (config.scheme === 'hmac' && header !== undefined && headersTheSignatureMustNotReplace.has(header))
    ctx.addIssue({
      code: 'custom',
      path: ['header'],
      message: `"${config.header}" already says something else in the request; carry the signature in its own header (e.g. ${hmacDefaults.header})`,
    });
});

/** Headers the request sets itself or that mean something else: a signature put there would replace them. */
const headersTheSignatureMustNotReplace = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'host',
  'connection',
  'x-webhook-id',
  'x-webhook-timestamp',
  // Every attempt's delivery id, which a receiver de-duplicates a repeated attempt by (engine/delivery/queue.ts).
  'x-hookscope-delivery',
]);
export type SigningConfig = z.infer<typeof signingConfig>;

/**
 * The config as it signs: `header`, `algorithm`, `encoding` and `signedContent` only for generic HMAC. A form keeps them
 * while another scheme is picked (for switching back), but that scheme neither shows nor uses them, so an unfinished
 * HMAC header must not block it.
 */
export function signingInUse(config: SigningConfig): SigningConfig {
  if (config.scheme === 'hmac') return config;
  return { scheme: config.scheme, secret: config.secret };
}

/** Defaults of the generic HMAC scheme, shared by signer, verifier and the composer's preview. */
export const hmacDefaults = {
  header: 'X-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  signedContent: 'body',
  idHeader: 'X-Webhook-Id',
  timestampHeader: 'X-Webhook-Timestamp',
} as const;
