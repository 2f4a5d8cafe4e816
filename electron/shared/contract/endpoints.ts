import { z } from 'zod';
import { method } from './define';
import { base64 } from './base64';
import { headerPair, httpToken, type HeaderPair } from './captures';
import { standardWebhooksSecretProblem } from '../send/signing-config';

/**
 * A status a rule may answer with: a final response, 200–599. 1xx are informational — Node writes one and then waits
 * for a final response that never comes, so the sender hangs — and anything below 100 or above 599 is not an HTTP
 * status senders understand. Applies to every status a rule configures (`status`, `failStatus`, `statuses`).
 */
const finalStatus = z
  .number()
  .int()
  .min(200, {
    error: (issue) =>
      typeof issue.input === 'number' && issue.input >= 100
        ? `${issue.input} is informational (1xx); a final response needs 200–599`
        : `${String(issue.input)} is not an HTTP status; a final response needs 200–599`,
  })
  .max(599, {
    error: (issue) => `${String(issue.input)} is not an HTTP status; a final response needs 200–599`,
  });

/**
 * What a stored rule may hold when read back: databases written before 1xx were refused can still hold one. The
 * receiver answers such a rule with 500 and records why (see `ResponseRules`), so it shows here as stored, for the
 * user to fix.
 */
const storedStatus = z.number().int().min(100).max(599);

/** How many requests a fail-first rule fails: at least one, or it is a fixed rule (the editor says the same). */
const failFirstCount = z
  .number()
  .int()
  .min(1, { error: (issue) => `fail the first 1 to 1000000 requests (got ${String(issue.input)})` })
  .max(1_000_000, { error: (issue) => `fail the first 1 to 1000000 requests (got ${String(issue.input)})` });

/** As stored: databases written before 0 was refused can hold it (it fails nothing), shown for the user to fix. */
const storedFailFirstCount = z.number().int().min(0).max(1_000_000);

/**
 * How an input object treats a field it does not know: refused by name (`strict`), or ignored (`strip`, for what is
 * read back as stored). Dropped without a word, a misspelt optional field (`encoding` for `bodyEncoding`) saved an
 * endpoint that answers otherwise than asked.
 */
type UnknownKeys = 'strict' | 'strip';
const objectOf = <T extends z.ZodRawShape>(unknownKeys: UnknownKeys, shape: T) =>
  unknownKeys === 'strict' ? z.strictObject(shape) : z.object(shape);

const behaviourOf = (status: z.ZodNumber, count: z.ZodNumber, unknownKeys: UnknownKeys) =>
  z.discriminatedUnion('kind', [
    objectOf(unknownKeys, { kind: z.literal('fixed') }),
    /** Fail the first `count` requests with `failStatus`, then answer normally. */
    objectOf(unknownKeys, {
      kind: z.literal('fail-first'),
      count,
      failStatus: status,
    }),
    /** Fail `percent`% of requests at random with `failStatus`. */
    objectOf(unknownKeys, {
      kind: z.literal('failure-rate'),
      percent: z.number().min(0).max(100),
      failStatus: status,
    }),
    /** Answer these statuses in turn; after the last one, keep answering it. */
    objectOf(unknownKeys, { kind: z.literal('sequence'), statuses: z.array(status).min(1).max(1000) }),
  ]);

/** What the endpoint answers, and how it varies from request to request. */
export const responseBehaviour = behaviourOf(finalStatus, failFirstCount, 'strict');
export type ResponseBehaviour = z.infer<typeof responseBehaviour>;

/** Headers the receiver writes itself from the body and the connection; a rule that set them would break framing. */
const receiverOwnedHeaders = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'x-hookscope-capture-id',
]);

/** Whether the receiver writes this header itself, so a rule may not set it (any case). */
export const isReceiverOwnedHeader = (name: string) => receiverOwnedHeaders.has(name.toLowerCase());

/**
 * Why Node would refuse to send this header value, or null if it can: Node allows only tab, printable ASCII and the
 * rest of Latin-1, and throws on anything else — which would lose every header of the response, not just this one.
 */
export function unsendableHeaderValue(value: string): string | null {
  const char = /[^\t\x20-\x7e\x80-\xff]/.exec(value)?.[0];
  if (char === undefined) return null;
  if (/[\r\n\0]/.test(value)) return 'contains a line break or NUL';
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // Control characters by code only, so the message stays one readable line.
  const shown = /\p{Cc}/u.test(char) ? `the control character ${code}` : `"${char}" (${code})`;
  return `contains ${shown}, which an HTTP header cannot carry (tab, printable ASCII and Latin-1 only)`;
}

/**
 * A header value as the client reads it: the spaces and tabs around a field value are not part of it (RFC 9110 §5.5), so
 * a rule keeps it without them — the API and the endpoint form alike, so saving the form changes nothing the API stored.
 */
export const trimHeaderValue = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

/** A rule's response headers: valid names, values Node can send, and none the receiver must write itself. */
const responseHeaders = z
  .array(z.tuple([z.string(), z.string().transform(trimHeaderValue)]))
  .max(100)
  .superRefine((pairs, ctx) => {
    pairs.forEach(([name, value], index) => {
      if (!httpToken.test(name))
        ctx.addIssue({
          code: 'custom',
          path: [index, 0],
          message: `header name "${name.slice(0, 100)}" is not valid (letters, digits and !#$%&'*+.^_\`|~-, no spaces)`,
        });
      else if (isReceiverOwnedHeader(name))
        ctx.addIssue({
          code: 'custom',
          path: [index, 0],
          message: `header "${name}" is written by the receiver itself (from the body and the connection); remove it`,
        });
      const unsendable = unsendableHeaderValue(value);
      if (unsendable)
        ctx.addIssue({
          code: 'custom',
          path: [index, 1],
          message: `header "${name.slice(0, 100)}" value ${unsendable}`,
        });
    });
  });

/** The longest rule body, in characters: as typed for text, as base64 (4 characters for every 3 bytes) for bytes. */
export const maxRuleBodyChars = 1_000_000;

/** Why a rule body is too long, in plain words: how long it is, as what, and how far over the limit. */
export function ruleBodyTooLong(length: number, encoding?: 'utf8' | 'base64'): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const base64 = encoding === 'base64';
  return (
    `${n(length)} characters${base64 ? ' as base64' : ''}, ${n(length - maxRuleBodyChars)} over the limit of ` +
    `${n(maxRuleBodyChars)}` +
    (base64
      ? ` (base64 takes 4 characters for every 3 bytes: ${n((maxRuleBodyChars / 4) * 3)} bytes fit)`
      : '')
  );
}

const ruleOf = (
  status: z.ZodNumber,
  headers: z.ZodType<HeaderPair[]>,
  count: z.ZodNumber,
  unknownKeys: UnknownKeys,
) =>
  objectOf(unknownKeys, {
    status,
    headers,
    // Its length is checked beside bodyEncoding (below): as base64 the message says so.
    body: z.string(),
    /**
     * How `body` becomes the bytes sent: as UTF-8 text (absent means this, as in rules saved before it existed), or
     * decoded from base64 for exact bytes (an image, a gzip body, non-UTF-8 text).
     */
    bodyEncoding: z
      .enum(['utf8', 'base64'], { error: 'use "utf8" (text) or "base64" (exact bytes)' })
      .optional(),
    delayMs: z.number().int().min(0).max(maxRuleDelayMs),
    behaviour: behaviourOf(status, count, unknownKeys),
  }).superRefine(
    (rule, ctx) => {
      if (rule.body.length > maxRuleBodyChars)
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: ruleBodyTooLong(rule.body.length, rule.bodyEncoding),
        });
    },
    // Also when another field is wrong: the body's length is still worth saying.
    { when: ({ value }) => typeof (value as { body?: unknown } | null)?.body === 'string' },
  );

/** The longest a rule may hold its response back. */
export const maxRuleDelayMs = 120_000;

/** A response rule as `endpoints.create` / `endpoints.update` accept it: every status final (200–599). */
export const responseRule = ruleOf(finalStatus, responseHeaders, failFirstCount, 'strict').superRefine(
  (rule, ctx) => {
    // Lax base64 decoding drops or invents bytes without a word: refuse what is not canonical base64.
    if (rule.bodyEncoding === 'base64' && !base64.safeParse(rule.body).success)
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message:
          'not base64 (bodyEncoding is base64): A–Z, a–z, 0–9, + and /, in groups of 4 padded with =, no spaces or line breaks',
      });
  },
);
export type ResponseRule = z.infer<typeof responseRule>;

const headerNameRule = `letters, digits and !#$%&'*+.^_\`|~-, no spaces`;

/** Why no sender could ever send this header name for header auth, or null if one can. */
export function authHeaderNameProblem(name: string): string | null {
  if (name === '') return 'required';
  return httpToken.test(name)
    ? null
    : `"${name.slice(0, 100)}" is not a valid header name (${headerNameRule})`;
}

/**
 * Why no sender could ever match this header auth value, or null if one can: HTTP strips spaces and tabs around a
 * header value before it arrives, and a sender cannot put control characters (line breaks, NUL) in one.
 */
export function authHeaderValueProblem(value: string): string | null {
  if (value === '') return 'required';
  if (/^[ \t]|[ \t]$/.test(value))
    return 'starts or ends with a space or tab, which HTTP strips before the header arrives, so no request could match';
  const char = /(?!\t)\p{Cc}/u.exec(value)?.[0];
  if (char === undefined) return null;
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `contains the control character ${code}, which an HTTP header cannot carry`;
}

const refineWith = (problem: (text: string) => string | null) =>
  z.string().superRefine((text, ctx) => {
    const message = problem(text);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/**
 * Why no sender could ever send this basic auth username, or null if one can: the credentials travel as
 * `username:password`, split at the first colon (RFC 7617), so a colon in the username moves into the password.
 */
export function basicUsernameProblem(username: string): string | null {
  if (username === '') return 'required';
  return username.includes(':')
    ? 'contains ":", which basic auth reads as the end of the username, so no request could match'
    : null;
}

/** Optional protection for a public receiver (Ortto supports basic auth; WP Fusion uses `access_key`). */
const authOf = (
  unknownKeys: UnknownKeys,
  headerName: z.ZodType<string>,
  headerValue: z.ZodType<string>,
  username: z.ZodType<string> = z.string().min(1),
) =>
  z.discriminatedUnion('kind', [
    objectOf(unknownKeys, { kind: z.literal('none') }),
    objectOf(unknownKeys, { kind: z.literal('basic'), username, password: z.string().min(1) }),
    objectOf(unknownKeys, { kind: z.literal('header'), name: headerName, value: headerValue }),
    objectOf(unknownKeys, { kind: z.literal('query'), name: z.string().min(1), value: z.string().min(1) }),
  ]);

/** As stored: databases written before header auth was checked may hold one no sender can match. */
export const endpointAuth = authOf('strip', z.string().min(1), z.string().min(1));
export type EndpointAuth = z.infer<typeof endpointAuth>;

/** As `endpoints.create` / `endpoints.update` accept it: header and basic auth some sender can actually send. */
export const endpointAuthInput = authOf(
  'strict',
  refineWith(authHeaderNameProblem),
  refineWith(authHeaderValueProblem),
  refineWith(basicUsernameProblem),
);

/** Incoming signature verification (Standard Webhooks, GitHub, Stripe, Shopify, generic HMAC). */
export const endpointVerify = z.object({
  scheme: z.enum(['none', 'standard-webhooks', 'github', 'stripe', 'shopify', 'hmac']),
  secret: z.string(),
  /** How far a signed timestamp may be from now, either side; 0 checks no timestamp (as Stripe's library does). */
  toleranceSeconds: z.number().int().min(0).max(86_400).default(300),
  /** For the generic HMAC scheme. */
  header: z.string().optional(),
  algorithm: z.enum(['sha256', 'sha1', 'sha512']).optional(),
  encoding: z.enum(['hex', 'base64']).optional(),
  /**
   * What a request whose signature fails gets: the endpoint's rule as usual (absent means this), or a 401 like a
   * strict production endpoint would answer. Either way it is captured with its verdict.
   */
  onFailure: z
    .enum(['answer', 'refuse-401'], { error: 'use "answer" (the rule as usual) or "refuse-401"' })
    .optional(),
});
export type EndpointVerify = z.infer<typeof endpointVerify>;

/** Why no signature made with this secret could verify, or null if one can. */
export function verifySecretProblem(scheme: EndpointVerify['scheme'], secret: string): string | null {
  if (scheme === 'none') return null;
  if (secret === '') return `required for ${scheme} verification`;
  return (
    paddedSecretProblem(secret) ??
    (scheme === 'standard-webhooks' ? standardWebhooksSecretProblem(secret) : null)
  );
}

/**
 * Pasted into a password field, a space or line break around the secret cannot be seen; every signature made with the
 * real secret then fails. Refused rather than trimmed, so the secret checked is always the one the user gave.
 */
export function paddedSecretProblem(secret: string): string | null {
  return /^\s|\s$/.test(secret)
    ? 'starts or ends with a space, tab or line break, most likely pasted along with it: remove it, or every signature made with the real secret fails'
    : null;
}

/**
 * As `endpoints.create` / `endpoints.update` accept it: a secret and signature header some sender's signature could
 * match. Stored as is, a blank or malformed secret only showed up as a failed verification on every capture.
 */
export const endpointVerifyInput = endpointVerify.strict().superRefine((verify, ctx) => {
  if (verify.scheme === 'none') return;
  const secretProblem = verifySecretProblem(verify.scheme, verify.secret);
  if (secretProblem) ctx.addIssue({ code: 'custom', path: ['secret'], message: secretProblem });
  if (verify.scheme === 'hmac' && verify.header !== undefined && !httpToken.test(verify.header))
    ctx.addIssue({
      code: 'custom',
      path: ['header'],
      message: `"${verify.header.slice(0, 100)}" is not a valid header name (${headerNameRule})`,
    });
});

export const slug = z
  .string()
  // trimmed like names: a slug copied from a URL or a chat often brings a space or line break along
  .trim()
  // Aborts: an empty slug would otherwise also get the pattern's message, and zod's own "Too small: …" reads badly.
  .min(1, { message: 'required: the part of the URL after /h/ (such as orders)', abort: true })
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-_]*$/, 'use lowercase letters, digits, - and _ (starting with a letter or digit)');

export const endpoint = z.object({
  id: z.number().int(),
  slug: z.string(),
  /** As stored: older databases may hold a blank name, which only create/update now refuse. */
  name: z.string(),
  isDefault: z.boolean(),
  /** `/h/<slug>` for named endpoints, `/` for the catch-all default. */
  pathPrefix: z.string(),
  /**
   * As stored: may be an older rule with a 1xx status, which the receiver answers with 500 (see `storedStatus`), or
   * with header values Node cannot send, which the receiver leaves out.
   */
  rule: ruleOf(storedStatus, z.array(headerPair), storedFailFirstCount, 'strip'),
  auth: endpointAuth,
  verify: endpointVerify.nullable(),
  /** Requests per minute from one IP before 429 (0 = unlimited). */
  rateLimitPerMinute: z.number().int().min(0),
  createdAtMs: z.number(),
  captureCount: z.number().int(),
  /**
   * Requests the rule has counted since the endpoint was saved or `endpoints.resetRule`: how far a fail-first or sequence rule
   * has got. In `endpoints.list` and `endpoint.changed`; kept in memory only.
   */
  ruleRequests: z.number().int().min(0).optional(),
  /**
   * The step of the rule's count the next request takes (0-based, as `ruleRequests` counts): the lowest step given back
   * (its sender left before the delayed answer), else `ruleRequests`. In the same places as `ruleRequests`.
   */
  ruleNextStep: z.number().int().min(0).optional(),
  /**
   * The steps given back and not yet handed out again, lowest first: the next requests take them before new ones, so a
   * fail-first card counts a failure given back as still to come. In the same places as `ruleRequests`.
   */
  ruleStepsGivenBack: z.array(z.number().int().min(0)).optional(),
});
export type Endpoint = z.infer<typeof endpoint>;

export const endpointInput = z.object({
  slug,
  name: z.string().trim().min(1, 'required (not only spaces)').max(200),
  rule: responseRule.optional(),
  auth: endpointAuthInput.optional(),
  verify: endpointVerifyInput.nullable().optional(),
  rateLimitPerMinute: z.number().int().min(0).max(1_000_000).optional(),
});

export const endpointMethods = {
  'endpoints.list': method(z.object({}), z.object({ items: z.array(endpoint) })),
  'endpoints.create': method(endpointInput, endpoint),
  'endpoints.update': method(
    z.object({ id: z.number().int() }).extend(endpointInput.partial().shape),
    endpoint,
  ),
  'endpoints.delete': method(z.object({ id: z.number().int() }), z.object({ deleted: z.boolean() })),
  /** Start the rule's count again, as saving the endpoint does: "fail the first 3" fails the next 3 requests. */
  'endpoints.resetRule': method(z.object({ id: z.number().int() }), endpoint),
};
