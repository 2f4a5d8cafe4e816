import { z } from 'zod';

export const signingSchemes = ['none', 'standard-webhooks', 'github', 'stripe', 'shopify', 'hmac'] as const;
export type SigningScheme = (typeof signingSchemes)[number];

/** How an outgoing request is signed. `header`, `algorithm`, `encoding`, `signedContent` apply to `hmac`. */
export const signingConfig = z
  .object({
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
  })
  .superRefine((config, ctx) => {
    if (config.scheme !== 'none' && config.secret === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: `a secret is required for ${config.scheme} signing`,
      });
    }
  });
export type SigningConfig = z.infer<typeof signingConfig>;

/** Defaults of the generic HMAC scheme, shared by signer, verifier and the composer's preview. */
export const hmacDefaults = {
  header: 'X-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  signedContent: 'body',
  idHeader: 'X-Webhook-Id',
  timestampHeader: 'X-Webhook-Timestamp',
} as const;
