import { z } from 'zod';
import { base64 } from './base64';
import { method, type EventTable, type MethodTable } from './define';
import { captureVerification, headerPair } from './captures';
import { endpointVerify, paddedSecretProblem } from './endpoints';
import { signingConfig } from '../send/signing-config';

/** Signing previews, verification checks and the composer's pure helpers exposed to the CLI and renderer. */
export const signingMethods = {
  /** The headers a signed request would carry and the exact string that was signed. */
  'signing.preview': method(
    z.object({
      config: signingConfig,
      bodyBase64: base64.default(''),
      /**
       * Printable ASCII only: a header carries any other character as one Latin-1 byte (or refuses it), while a receiver
       * may hash it as UTF-8, so no signature over it could be checked the same way at both ends.
       */
      id: z
        .string()
        .min(1)
        .max(200)
        .regex(
          /^[\x21-\x7e]+$/,
          'must be printable ASCII with no spaces, as it is sent in a header and signed',
        )
        .optional(),
      timestampSec: z.number().int().min(0).optional(),
      /** The request's own headers: a replayed vendor's copies of the signature are signed afresh as on send. */
      headers: z.array(headerPair).optional(),
    }),
    z.object({
      headers: z.array(headerPair),
      signedString: z.string(),
      id: z.string().nullable(),
      timestampSec: z.number().int().nullable(),
    }),
  ),
  /** Check a request against a scheme and secret (what endpoint verification does for each capture). */
  'signing.verify': method(
    z.object({
      // A secret with a space or line break around it is refused, as endpoints refuse it: checked as given, every
      // signature made with the real secret failed as a "bad secret, or the body changed".
      config: endpointVerify.strict().superRefine((config, ctx) => {
        const problem = config.scheme === 'none' ? null : paddedSecretProblem(config.secret);
        if (problem) ctx.addIssue({ code: 'custom', path: ['secret'], message: problem });
      }),
      headers: z.array(headerPair),
      bodyBase64: base64.default(''),
      nowSec: z.number().int().min(0).optional(),
    }),
    z.object({ ok: z.boolean(), reason: z.string() }),
  ),
  /**
   * Check a stored capture again with its endpoint's current verification settings (after its secret changed, say), as
   * of when it arrived; the result replaces the stored verdict.
   */
  'signing.recheck': method(z.object({ id: z.number().int() }), captureVerification),
  'send.detectContentType': method(
    z.object({ body: z.string(), headers: z.array(headerPair).default([]) }),
    z.object({
      detected: z.enum([
        'application/x-www-form-urlencoded',
        'application/json',
        'application/xml',
        'text/plain',
      ]),
      effective: z.string(),
      userSet: z.boolean(),
    }),
  ),
  'send.parseCurl': method(
    z.object({ command: z.string().max(10_000_000) }),
    z.object({
      method: z.string(),
      url: z.string(),
      headers: z.array(headerPair),
      body: z.string().nullable(),
      bodyBase64: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  ),
  'send.toCurl': method(
    z.object({
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.array(headerPair).default([]),
      bodyBase64: base64.default(''),
    }),
    z.object({ command: z.string() }),
  ),
} satisfies MethodTable;

export const signingEvents = {} satisfies EventTable;
