import { z } from 'zod';
import { base64 } from './base64';
import { method, type EventTable, type MethodTable } from './define';
import { headerPair, httpToken } from './captures';
import { signingConfig, signingFields } from '../send/signing-config';
import { emulatorKinds, ontraportEncodings, ontraportFormats, type EmulatorKind } from '../send/emulators';
import { connectionHeaderProblem } from '../send/connection-headers';
import { refusedHeaderControl } from '../send/header-value-control';
import { ENV_NAME_MAX_LENGTH, findPlaceholders } from '../send/merge-fields';
import { unsendableMethod } from '../send/unsendable-method';
import { isHeaderNameTemplate } from '../send/fill-header-name';
import { backslashesAfterScheme } from '../send/url-backslashes';

const token = httpToken;

export const deliveryPolicy = z.enum(['ortto', 'ontraport', 'standard', 'none', 'custom']);
export type DeliveryPolicy = z.infer<typeof deliveryPolicy>;
export const deliveryType = z.enum(['manual', 'replay', 'bulk', 'emulator']);
export type DeliveryType = z.infer<typeof deliveryType>;
export const deliveryState = z.enum([
  'pending',
  'in_flight',
  'held',
  'succeeded',
  'failed',
  'cancelled',
  'disabled',
]);
export type DeliveryState = z.infer<typeof deliveryState>;

/** `http://host…`: two slashes after the scheme, then a host; not `http:///hook`, `http:/hook` or `http:hook`. */
const hasWrittenHost = (url: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:[/\\]{2}(?![/\\])/.test(url);

export const httpUrl = z
  .string()
  // A URL pasted with a space or newline around it is the URL; stored as typed, every attempt went to " http://…".
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `invalid URL "${value.slice(0, 200)}"` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({
        code: 'custom',
        message: `unsupported scheme "${url.protocol.replace(/:$/, '')}" (use http or https)`,
      });
      return;
    }
    const backslashes = backslashesAfterScheme(value);
    if (backslashes) {
      ctx.addIssue({ code: 'custom', message: backslashes });
      return;
    }
    // URL parsing takes the path's first segment as the host of `http:///hook` (a blank merge field in the host):
    // the request would go to a host named "hook".
    if (!hasWrittenHost(value))
      ctx.addIssue({ code: 'custom', message: `URL "${value.slice(0, 200)}" has no host` });
  });

/**
 * Why an emulator cannot send to `to`, or null. Ontraport fills merge fields in a Send-a-Webhook URL, its host
 * included (`http://[Site Domain]/hook`, DOMAIN-NOTES §3.1): ontraport-ping's URL is checked with each one standing
 * for a word, and again once filled from the contact.
 */
export function emulatorTargetProblem(kind: EmulatorKind, to: string): string | null {
  let url = to.trim();
  if (kind === 'ontraport-ping')
    for (const p of findPlaceholders(url).reverse())
      if (p.kind === 'merge') url = `${url.slice(0, p.start)}x${url.slice(p.end)}`;
  if (httpUrl.safeParse(url).success) return null;
  const asTyped = httpUrl.safeParse(to);
  return asTyped.success ? 'invalid URL' : (asTyped.error.issues[0]?.message ?? 'invalid URL');
}

export const httpMethodName = z
  .string()
  .min(1)
  .max(32)
  .regex(token, 'malformed method: use letters such as GET, POST or a custom token')
  .superRefine((name, ctx) => {
    const problem = unsendableMethod(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Header pairs whose names pass `nameIsValid` and values carry no line breaks or other controls but tab. */
const headerPairs = (nameIsValid: (name: string) => boolean) =>
  z
    .array(headerPair)
    .max(200)
    .superRefine((pairs, ctx) => {
      pairs.forEach(([name, value], index) => {
        if (!nameIsValid(name))
          ctx.addIssue({
            code: 'custom',
            path: [index, 0],
            message: `malformed header name "${name.slice(0, 100)}"`,
          });
        if (/[\r\n\0]/.test(value))
          ctx.addIssue({
            code: 'custom',
            path: [index, 1],
            message: `header "${name.slice(0, 100)}" value contains a line break or NUL`,
          });
        // The HTTP client refuses these only when the attempt is made: the delivery would fail with no word of why.
        const control = /[\r\n\0]/.test(value) ? null : refusedHeaderControl(value);
        if (control)
          ctx.addIssue({
            code: 'custom',
            path: [index, 1],
            message: `header "${name.slice(0, 100)}" value contains the control character ${control}`,
          });
        const unsendable = connectionHeaderProblem(name.slice(0, 100), value);
        if (unsendable) ctx.addIssue({ code: 'custom', path: [index, 0], message: unsendable });
      });
    });

/** Header pairs whose names are valid tokens and values carry no line breaks. */
export const outgoingHeaders = headerPairs((name) => token.test(name));

/**
 * Header pairs of a template filled once per row: a name may hold `{{variables}}` and `[Merge Fields]`, as the
 * composer fills them; what each row fills it to is checked when that row is built.
 */
export const templatedHeaders = headerPairs(isHeaderNameTemplate);

/**
 * Header values as they go on the wire: bytes, one character each (see `headerByteString`). The HTTP client refuses
 * any other character only when the attempt is made, so the delivery would fail with no word of why.
 */
const byteHeaders = outgoingHeaders.superRefine((pairs, ctx) => {
  pairs.forEach(([name, value], index) => {
    const wide = [...value].find((c) => c.codePointAt(0)! > 0xff);
    if (wide !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [index, 1],
        message: `header "${name.slice(0, 100)}" value has "${wide}", which is not one byte: send header values as bytes, one character each (text as its UTF-8 bytes)`,
      });
  });
});

export const outgoingRequest = z
  .object({
    method: httpMethodName,
    url: httpUrl,
    headers: byteHeaders.default([]),
    bodyBase64: base64.default(''),
  })
  // `body: "…"` dropped silently would send an empty body and report success.
  .strict();
export type OutgoingRequest = z.infer<typeof outgoingRequest>;

/** Ontraport's "Send a Webhook" settings: requests per minute and number of retries. */
export const ontraportSettings = z.object({
  /** 60 when not given; not filled in here, so that giving it and `ratePerMinute` both can be refused. */
  requestsPerMinute: z.number().int().min(1).max(100_000).optional(),
  retries: z.number().int().min(0).max(100).default(3),
});

/** The longest name a delivery may have. */
export const DELIVERY_NAME_MAX = 200;

/** A name cut to what a delivery's name may hold, ending in "…" when cut. */
export const fitDeliveryName = (name: string): string =>
  name.length > DELIVERY_NAME_MAX ? `${name.slice(0, DELIVERY_NAME_MAX - 1)}…` : name;

/** Options every way of sending shares. Waits are multiplied by `timeScale` (0.001 turns 5 min into 0.3 s). */
export const deliveryOptions = z.object({
  policy: deliveryPolicy.default('none'),
  customWaitsMs: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(30 * 86_400_000),
    )
    .max(100)
    .optional(),
  ontraport: ontraportSettings.strict().optional(),
  signing: signingConfig.optional(),
  name: z.string().max(DELIVERY_NAME_MAX).optional(),
  timeScale: z.number().positive().max(1000).optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  /** Per-destination (origin) limits; a delivery's own values apply to its origin. */
  ratePerMinute: z.number().positive().max(6_000_000).optional(),
  concurrency: z.number().int().min(1).max(1000).optional(),
  webhookId: z.number().int().nullable().optional(),
  /** Send even when the target is this app's own receiver or tunnel. */
  allowLoop: z.boolean().optional(),
});

export const sendInput = deliveryOptions.extend({
  request: outgoingRequest,
  type: deliveryType.default('manual'),
});
export type SendInput = z.input<typeof sendInput>;

export const deliverySummary = z.object({
  id: z.number().int(),
  /** Sent as `X-Hookscope-Delivery` and as the Standard Webhooks `webhook-id`. */
  uid: z.string(),
  createdAtMs: z.number(),
  name: z.string(),
  type: deliveryType,
  policy: deliveryPolicy,
  state: deliveryState,
  method: z.string(),
  url: z.string(),
  webhookId: z.number().int().nullable(),
  bulkJobId: z.number().int().nullable(),
  /** The row of the bulk send's file it was made from (1-based, the header line of a CSV not counted). */
  bulkRow: z.number().int().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAtMs: z.number().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().nullable(),
  lastAttemptAtMs: z.number().nullable(),
  /** First bytes of the last response, as text. */
  lastResponsePreview: z.string().nullable(),
});
export type DeliverySummary = z.infer<typeof deliverySummary>;

export const attemptOutcome = z.enum(['success', 'retry', 'failed', 'disabled', 'interrupted']);
export const deliveryAttempt = z.object({
  id: z.number().int(),
  deliveryId: z.number().int(),
  attemptNo: z.number().int(),
  startedAtMs: z.number(),
  durationMs: z.number(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  outcome: attemptOutcome,
  /** Wait before the next attempt (already time-scaled), when one is scheduled. */
  nextWaitMs: z.number().nullable(),
  /** The policy's own wait (time-scaled) when the target's Retry-After made `nextWaitMs` longer; null otherwise. */
  scheduleWaitMs: z.number().nullable(),
  /** Started by "Retry now", not by the schedule: it may run before the previous attempt's `nextWaitMs`. */
  manual: z.boolean(),
  requestHeaders: z.array(headerPair),
  responseHeaders: z.array(headerPair),
  responseBodyBase64: z.string(),
  /**
   * The kept body was decoded from the answer's Content-Encoding (false: kept as received, as when the bytes are not
   * in the coding they are labelled with); null for attempts recorded before this was kept.
   */
  responseBodyDecoded: z.boolean().nullable(),
  responseBodyBytes: z.number().int(),
  /**
   * `responseBodyBytes` is only the bytes read before the 1 MB read limit: the answer declared no size (chunked), so
   * its full size is unknown and at least that.
   */
  responseBodySizeUnknown: z.boolean(),
  signedString: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttempt>;

export const deliveryDetail = deliverySummary.extend({
  headers: z.array(headerPair),
  bodyBase64: z.string(),
  timeScale: z.number(),
  timeoutMs: z.number(),
  customWaitsMs: z.array(z.number()).nullable(),
  attemptList: z.array(deliveryAttempt),
});
export type DeliveryDetail = z.infer<typeof deliveryDetail>;

export const deliveryFilter = z
  .object({
    states: z.array(deliveryState).optional(),
    types: z.array(deliveryType).optional(),
    policies: z.array(deliveryPolicy).optional(),
    webhookId: z.number().int().optional(),
    bulkJobId: z.number().int().optional(),
    /** Substring of URL, name, uid or response text. */
    text: z.string().max(500).optional(),
    /** Created in this range (inclusive); in the log and its export, attempts started in it. */
    fromMs: z.number().optional(),
    toMs: z.number().optional(),
    /** Only deliveries not attempted yet (waiting for their first attempt: rate limit, concurrency, paused bulk send). */
    unattempted: z.boolean().optional(),
  })
  .strict();
export type DeliveryFilter = z.infer<typeof deliveryFilter>;

/** One row of the delivery log: one attempt, with the columns Ontraport's webhook log has. */
export const logRow = z.object({
  attemptId: z.number().int(),
  deliveryId: z.number().int(),
  request: z.string(),
  responseCode: z.number().int().nullable(),
  dateMs: z.number(),
  responseData: z.string(),
  durationMs: z.number(),
  attempt: z.number().int(),
  name: z.string(),
  webhookId: z.number().int().nullable(),
  type: deliveryType,
  outcome: attemptOutcome,
  error: z.string().nullable(),
  /** The bulk send and its row (as numbered in its progress) the delivery came from; null outside a bulk send. */
  bulkJobId: z.number().int().nullable(),
  bulkRow: z.number().int().nullable(),
});
export type LogRow = z.infer<typeof logRow>;

export const savedWebhook = z.object({
  id: z.number().int(),
  collectionId: z.number().int().nullable(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  headers: z.array(headerPair),
  /** Template text (may contain [Merge Fields] and {{env}} variables). */
  body: z.string(),
  policy: deliveryPolicy,
  options: z.record(z.string(), z.unknown()),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type SavedWebhook = z.infer<typeof savedWebhook>;

export const savedWebhookInput = z.object({
  id: z.number().int().optional(),
  /**
   * With `id`: the `updatedAtMs` of the version being edited. The save is refused (`conflict`) if the webhook was
   * changed since, so an edit made in another window or by another client is not silently overwritten.
   */
  ifUpdatedAtMs: z.number().optional(),
  collectionId: z.number().int().nullable().default(null),
  name: z.string().trim().min(1, 'required (not only spaces)').max(200),
  method: httpMethodName,
  /** Templates are allowed in the URL, so it is checked at send time. */
  url: z.string().min(1).max(8000),
  /**
   * Values one line; names HTTP tokens once their `{{variables}}` and `[Merge Fields]` are taken out. Both may hold
   * templates: a send fills names as the composer does, and checks what they fill to.
   */
  headers: templatedHeaders.default([]),
  body: z.string().max(10_000_000).default(''),
  policy: deliveryPolicy.default('none'),
  /**
   * Spread into `deliveries.send` when the webhook is sent, so checked as its options are when saved; a signing secret
   * only when sent (an imported webhook may have its secret to fill in again). `allowLoop` and `name` belong to one
   * send, not to the webhook: a client spreading the saved options must not switch off the loop guard or rename it.
   */
  options: deliveryOptions
    .omit({ policy: true, webhookId: true, signing: true, allowLoop: true, name: true })
    // Lenient inside, as stored: an edited webhook is saved back with what it held, and an export from a newer
    // version may carry a key this one does not know.
    .extend({ signing: signingFields, ontraport: ontraportSettings.optional() })
    .partial()
    .strict()
    .default({}),
});

export const collection = z.object({ id: z.number().int(), name: z.string(), createdAtMs: z.number() });
export const environment = z.object({
  id: z.number().int(),
  name: z.string(),
  variables: z.record(z.string(), z.string()),
  active: z.boolean(),
  /** Moves on with each save; see `ifUpdatedAtMs` of `environments.save`. */
  updatedAtMs: z.number(),
});
export type Environment = z.infer<typeof environment>;

export const bulkState = z.enum(['running', 'paused', 'stopped', 'done']);
export const bulkProgress = z.object({
  jobId: z.number().int(),
  state: bulkState,
  total: z.number().int(),
  enqueued: z.number().int(),
  counts: z.object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    skipped: z.number().int(),
    pending: z.number().int(),
  }),
  startedAtMs: z.number(),
  /** Measured deliveries per second (of rows sent) over the time the job ran, its pauses left out. */
  ratePerSecond: z.number(),
  etaMs: z.number().nullable(),
  /** Rows that could not be sent (bad CSV row, unresolved merge field), first 100. */
  rowErrors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** How many row errors past the first 100 were not kept. */
  rowErrorsOmitted: z.number().int(),
});
export type BulkProgress = z.infer<typeof bulkProgress>;

export const bulkFieldsNotColumns = z.enum(['refuse', 'send-as-typed']);
export type BulkFieldsNotColumns = z.infer<typeof bulkFieldsNotColumns>;

export const bulkTemplate = z.object({
  method: httpMethodName,
  url: z.string().min(1).max(8000),
  headers: templatedHeaders.default([]),
  body: z.string().max(10_000_000).default(''),
  /**
   * False sends no Content-Type when `headers` has none (curl's `-H 'Content-Type:'`); by default the type detected
   * from the template is added. Values are escaped for the detected format either way.
   */
  contentType: z.boolean().optional(),
});

const okOut = z.object({ ok: z.boolean() });
const idIn = z.object({ id: z.number().int() });

export const deliveryMethods = {
  'deliveries.send': method(sendInput, deliverySummary),
  'deliveries.replay': method(
    deliveryOptions.extend({
      captureId: z.number().int(),
      url: httpUrl,
      mode: z.literal('exact').default('exact'),
      /**
       * Append the capture's raw query, byte-exact, to `url` (joined with `&` if `url` has one). Absent means false,
       * as replay behaved before the option existed.
       */
      keepQuery: z.boolean().optional(),
    }),
    deliverySummary,
  ),
  'deliveries.list': method(
    z.object({
      filter: deliveryFilter.optional(),
      cursor: z.number().int().nullable().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    z.object({ items: z.array(deliverySummary), nextCursor: z.number().int().nullable() }),
  ),
  'deliveries.get': method(idIn, deliveryDetail),
  'deliveries.cancel': method(idIn, deliverySummary),
  'deliveries.retryNow': method(idIn, deliverySummary),
  'deliveries.log': method(
    z.object({
      filter: deliveryFilter.optional(),
      cursor: z.number().int().nullable().optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ items: z.array(logRow), nextCursor: z.number().int().nullable() }),
  ),
  /**
   * Deletes finished deliveries (succeeded, failed, cancelled, disabled) and their attempts, optionally only those that
   * finished before a time. Queued, held and in-flight deliveries are never touched, nor are a bulk send's deliveries
   * (its progress is counted from them), nor one cancelled or disabled while its attempt is still out (that attempt's
   * outcome is still to be logged): `keptSending` counts those.
   */
  'deliveries.clearFinished': method(
    z.object({ finishedBeforeMs: z.number().int().nullable().default(null) }),
    z.object({ deleted: z.number().int(), keptSending: z.number().int() }),
  ),
  'deliveries.exportLog': method(
    z.object({
      format: z.enum(['csv', 'json']),
      filter: deliveryFilter.optional(),
      limit: z.number().int().min(1).max(1_000_000).default(100_000),
      /** Secret URL query parameters and response fields replaced by `[redacted]`; false keeps them (a backup). */
      redact: z.boolean().default(true),
    }),
    z.object({
      content: z.string(),
      count: z.number().int(),
      mimeType: z.string(),
      fileName: z.string(),
      /** More attempts matched than `limit`: the file holds the newest `count` of them, the older ones are left out. */
      truncated: z.boolean(),
    }),
  ),
  'webhooks.list': method(
    z.object({ collectionId: z.number().int().nullable().optional() }),
    z.object({ items: z.array(savedWebhook), collections: z.array(collection) }),
  ),
  'webhooks.save': method(savedWebhookInput, savedWebhook),
  'webhooks.delete': method(idIn, okOut),
  'webhooks.duplicate': method(idIn, savedWebhook),
  'webhooks.export': method(
    z.object({
      ids: z.array(z.number().int()).optional(),
      /**
       * Secret headers, URL query parameters, body fields and options (`signing.secret`, auth) written as
       * `[redacted]`; false writes them as saved (a backup). `{{variables}}` are kept either way.
       */
      redact: z.boolean().default(true),
    }),
    z.object({ content: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  /**
   * An entry's `collection` goes into the existing collection of that name (ignoring case and surrounding spaces), so
   * importing merges into it; a collection is created only when none has the name.
   */
  'webhooks.import': method(
    z.object({ content: z.string().min(1) }),
    z.object({
      imported: z.number().int(),
      errors: z.array(z.string()),
      /** Imported webhooks whose fields hold a `[redacted]` placeholder, to fill in before sending them. */
      redacted: z.array(z.string()),
      /**
       * Imported webhooks with options this version does not know (written by another version), left out so the rest
       * of the webhook still imports.
       */
      ignored: z.array(z.string()),
    }),
  ),
  /** Create, or rename with `id`; a name another collection has (ignoring case and surrounding spaces) is a conflict. */
  'collections.save': method(
    z.object({
      id: z.number().int().optional(),
      name: z.string().trim().min(1, 'required (not only spaces)').max(200),
    }),
    collection,
  ),
  'collections.delete': method(idIn, okOut),
  'environments.list': method(z.object({}), z.object({ items: z.array(environment) })),
  'environments.save': method(
    z.object({
      id: z.number().int().optional(),
      /**
       * With `id`: the `updatedAtMs` of the version being edited. The save is refused (`conflict`) if the environment
       * was changed since, so an edit made in another window or by another client is not silently overwritten.
       */
      ifUpdatedAtMs: z.number().optional(),
      name: z.string().trim().min(1, 'required (not only spaces)').max(200),
      // Checked here rather than as the record's key schema: zod reports a bad key only as "Invalid key in record".
      variables: z.record(z.string(), z.string()).superRefine((variables, ctx) => {
        for (const name of Object.keys(variables))
          if (!/^[A-Za-z_][\w.-]*$/.test(name))
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `variable name "${name}": use letters, digits, _ . - (starting with a letter or _)`,
            });
          else if (name.length > ENV_NAME_MAX_LENGTH)
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `variable name "${name.slice(0, 20)}…": at most ${ENV_NAME_MAX_LENGTH} characters (a longer {{name}} is never filled in)`,
            });
      }),
    }),
    environment,
  ),
  'environments.delete': method(idIn, okOut),
  'environments.activate': method(z.object({ id: z.number().int().nullable() }), okOut),
  'bulk.start': method(
    deliveryOptions.extend({
      template: bulkTemplate.strict(),
      rows: z.object({ content: z.string().min(1), format: z.enum(['csv', 'json']) }).strict(),
      batchSize: z.number().int().min(1).max(10_000).default(100),
      /** Deliveries at once for this job's destination. */
      concurrency: z.number().int().min(1).max(1000).default(10),
      /**
       * A `[Name]` (or `{{name}}`) in the template that is not a column of the row: `refuse` the start (CSV) or skip
       * the row (JSON), or `send-as-typed`: it goes out as written, a literal `[Not A Field]` included.
       */
      fieldsNotColumns: bulkFieldsNotColumns.default('refuse'),
    }),
    bulkProgress,
  ),
  'bulk.get': method(idIn, bulkProgress),
  'bulk.list': method(z.object({}), z.object({ items: z.array(bulkProgress) })),
  'bulk.pause': method(idIn, bulkProgress),
  'bulk.resume': method(idIn, bulkProgress),
  'bulk.stop': method(idIn, bulkProgress),
  /** A finished bulk send (done or stopped) and its deliveries; `deleted` counts the deliveries. */
  'bulk.delete': method(idIn, z.object({ deleted: z.number().int() })),
  'emulate.send': method(
    deliveryOptions
      .omit({ policy: true })
      .extend({
        kind: z.enum(emulatorKinds),
        /** An http(s) URL; ontraport-ping's may hold merge fields anywhere, its host included. */
        to: z.string().trim(),
        format: z.enum(ontraportFormats).optional(),
        encoding: z.enum(ontraportEncodings).optional(),
        contact: z.record(z.string(), z.string()).optional(),
        tagId: z.number().int().positive().optional(),
        formId: z.number().int().positive().optional(),
        /** ontraport-ping's Post Data (`label=[Merge Field]&…`), its merge fields filled from the contact. */
        postData: z.string().optional(),
      })
      .superRefine((input, ctx) => {
        const target = emulatorTargetProblem(input.kind, input.to);
        if (target) ctx.addIssue({ code: 'custom', path: ['to'], message: target });
        // The emulator ignores an option its kind has no use for: refused, so a typo'd kind is not sent silently.
        const subscription = input.kind.startsWith('ontraport-') && input.kind !== 'ontraport-ping';
        const usedBy = {
          format: subscription ? null : 'the Ontraport subscription kinds',
          encoding: input.kind.startsWith('ontraport-') ? null : 'the Ontraport kinds',
          tagId: /^ontraport-(un)?sub_tag$/.test(input.kind)
            ? null
            : 'ontraport-sub_tag and ontraport-unsub_tag',
          formId: input.kind === 'ontraport-object_submits_form' ? null : 'ontraport-object_submits_form',
          postData: input.kind === 'ontraport-ping' ? null : 'ontraport-ping',
        };
        for (const [field, kinds] of Object.entries(usedBy))
          if (kinds !== null && input[field as keyof typeof usedBy] !== undefined)
            ctx.addIssue({ code: 'custom', path: [field], message: `only for ${kinds}, not ${input.kind}` });
      }),
    deliverySummary.extend({ description: z.string() }),
  ),
} satisfies MethodTable;

export const deliveryEvents = {
  'delivery.updated': z.object({ items: z.array(deliverySummary) }),
  'bulk.progress': bulkProgress,
  'bulk.deleted': z.object({ jobId: z.number().int() }),
  /** Finished deliveries and their attempts were deleted: cleared by a user or pruned by delivery-log retention. */
  'deliveries.deleted': z.object({ count: z.number().int() }),
  /** Saved webhooks or collections were saved, deleted or imported (by any window or client). */
  'webhooks.changed': z.object({}),
  /** An environment was saved, deleted or activated. */
  'environments.changed': z.object({}),
} satisfies EventTable;
