import { z } from 'zod';
import { method } from './define';
import { searchTerms } from '../search-terms';
import { httpToken } from '../http-token';
import { contentTypeFilterValue, isContentTypeFilter } from '../content-type-filter';

export { httpToken };

export const headerPair = z.tuple([z.string(), z.string()]);
/** Full-text search reads this much of each body (after Content-Encoding is undone); the rest is stored, not searched. */
export const searchedBodyBytes = 256 * 1024;

export type HeaderPair = z.infer<typeof headerPair>;

export const captureSource = z.enum(['receiver', 'tunnel', 'imported']);

export const captureSummary = z.object({
  id: z.number().int(),
  receivedAtMs: z.number(),
  method: z.string(),
  path: z.string(),
  /** Raw query string without the leading `?`, exactly as received. */
  query: z.string(),
  /** The target ended in a `?` with nothing after it (`/hook?`), which `query: ''` alone cannot tell from `/hook`. */
  emptyQuery: z.literal(true).optional(),
  endpointId: z.number().int().nullable(),
  responseStatus: z.number().int().nullable(),
  bodySizeBytes: z.number().int(),
  contentType: z.string().nullable(),
  remoteAddress: z.string(),
  /** Who sent a capture through a tunnel whose proxy names the sender (see tunnelSender); null otherwise. */
  forwardedSender: z.string().nullable(),
  truncated: z.boolean(),
  source: captureSource,
  /** Vendor recognised from the payload ("Ortto", "Ontraport", ...), filled by the decoder. */
  vendor: z.string().nullable(),
  /** Event label ("Clicked email", "Tag added (4)"), filled by the decoder. */
  eventLabel: z.string().nullable(),
});
export type CaptureSummary = z.infer<typeof captureSummary>;

/** A signature check: as the capture arrived, or `signing.recheck` against the endpoint's settings later. */
export const captureVerification = z.object({
  scheme: z.string(),
  ok: z.boolean(),
  reason: z.string(),
  /** Set when checked again after arrival: when, and the endpoint's settings then (never the secret). */
  checkedAtMs: z.number().optional(),
  checkedWith: z.string().optional(),
});

export const captureDetail = captureSummary.extend({
  httpVersion: z.string(),
  remotePort: z.number().int().nullable(),
  /** Headers in original order and case, duplicates kept (Node's rawHeaders). */
  headers: z.array(headerPair),
  /** Trailer fields sent after a chunked body, in order and case; empty when none were sent. */
  trailers: z.array(headerPair),
  /** Query parameters in order, repeated keys kept. */
  queryParams: z.array(headerPair),
  /** The exact bytes received (or the first bytes when truncated), base64. */
  bodyBase64: z.string(),
  /**
   * Body after undoing Content-Encoding (gzip, deflate, br) and any transfer coding before chunked
   * (`Transfer-Encoding: gzip, chunked`), when it differs; bounded in size.
   */
  decodedBodyBase64: z.string().nullable(),
  decodeNote: z.string().nullable(),
  contentEncoding: z.string().nullable(),
  storedBodyBytes: z.number().int(),
  /** Refused before `100 Continue` (failed auth, a rate limit): the body was never sent, so none is stored. */
  bodyNotSent: z.literal(true).optional(),
  publicUrl: z.string().nullable(),
  response: z
    .object({
      status: z.number().int(),
      headers: z.array(headerPair),
      bodyBase64: z.string(),
      delayMs: z.number(),
      reason: z.string().nullable(),
      /** Set by `captures.get` only: the body with its Content-Encoding undone, as for the request (null: none). */
      decodedBodyBase64: z.string().nullable().optional(),
      decodeNote: z.string().nullable().optional(),
      /**
       * An imported response's content.mimeType as its HAR gave it, parameters and all, when its headers had no
       * Content-Type (the body is stored in that type's charset); absent otherwise.
       */
      harMimeType: z.string().optional(),
      /** An imported response's HTTP version as its HAR gave it (`2.0`, `1.0`), when not 1.1; absent otherwise. */
      httpVersion: z.string().optional(),
    })
    .nullable(),
  /** Signature verification result when the endpoint is configured to verify. */
  verification: captureVerification.nullable(),
  /**
   * Set when `captures.get` was asked to leave a body over `inlineBodyMaxBytes` out: `bodyBase64` is '' and
   * `decodedBodyBase64` '' (still null when there is no decoded form); `captures.body` reads the bytes.
   */
  bodyOmitted: z.boolean().optional(),
  /**
   * The Content-Type sending this capture adds from its HAR's postData (see `harContentType`), null for none: read
   * from the stored body, so a multipart boundary is in it even when the body is left out.
   */
  harContentType: z.string().nullable().optional(),
  /**
   * An imported capture's postData.mimeType as its HAR gave it, parameters and all, when its headers had no
   * Content-Type; absent otherwise. Stored, where `harContentType` is worked out: the JSON exports carry this one.
   */
  harMimeType: z.string().optional(),
});
export type CaptureDetail = z.infer<typeof captureDetail>;
export type CaptureVerification = z.infer<typeof captureVerification>;

/**
 * A search of more words than this is refused: FTS5 reads a query's terms in time that grows faster than their number
 * (20,000 took 6 s, 40,000 30 s), and every other read of the app waits behind it. A pasted body is such a search.
 */
export const maxSearchTerms = 1000;

export const captureFilter = z
  .object({
    endpointId: z.number().int().nullable().optional(),
    // The lists are capped so a query can hold them (SQLite's limits on variables and on nested ORs): every status
    // is 500 values.
    // A value that can match no capture is refused, as the app's filters and the CLI's flags refuse it.
    /** Methods such as `POST`, any case, one a value. */
    methods: z
      .array(
        z
          .string()
          .trim()
          .regex(httpToken, 'expected an HTTP method such as POST (one a value: ["GET", "POST"])'),
      )
      .max(100)
      .optional(),
    statuses: z.array(z.number().int().min(100).max(599)).max(500).optional(),
    /** Media types such as `application/json` (any case, parameters ignored); a trailing `/*` matches a family; `none`. */
    contentTypes: z
      .array(
        z
          .string()
          .refine(
            (type) => isContentTypeFilter(contentTypeFilterValue(type)),
            'expected a media type such as application/json, a family such as text/*, or none',
          ),
      )
      .max(100)
      .optional(),
    fromMs: z.number().optional(),
    toMs: z.number().optional(),
    /** Full-text query over path, query, headers, body text and decoded labels. */
    text: z
      .string()
      .superRefine((text, ctx) => {
        const terms = searchTerms(text).length;
        if (terms > maxSearchTerms)
          ctx.addIssue({
            code: 'custom',
            message: `a search of at most ${maxSearchTerms} words or "quoted phrases", got ${terms}`,
          });
      })
      .optional(),
    /**
     * Captures carrying this header. Both parts are trimmed, as the app's Header filter and the CLI's --header trim
     * them: a received header never has whitespace around its name or value. `value` matches the whole value; empty
     * (after trimming) or absent means any value, as the app sends no value for an empty Equals box.
     */
    header: z
      .object({
        name: z.string().trim().min(1, 'expected a header name'),
        value: z
          .string()
          .trim()
          .transform((value) => (value === '' ? undefined : value))
          .optional(),
      })
      .strict()
      .optional(),
    vendor: z.string().optional(),
    source: captureSource.optional(),
  })
  .strict()
  .superRefine((filter, ctx) => {
    // A From after its To matches no capture: refused, as the app's Time menu and the CLI's --since/--until are.
    if (filter.fromMs !== undefined && filter.toMs !== undefined && filter.fromMs > filter.toMs)
      ctx.addIssue({
        code: 'custom',
        path: ['fromMs'],
        message: `is after filter.toMs (${instantText(filter.fromMs)} > ${instantText(filter.toMs)}): no capture can match`,
      });
  });
export type CaptureFilter = z.infer<typeof captureFilter>;

/** A time in milliseconds as an ISO instant a reader can check, or the number itself when no Date can hold it. */
function instantText(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** Bodies up to this many bytes come inline in the renderer's `captures.get`; longer ones are read as bytes apart. */
export const inlineBodyBytes = 256 * 1024;

/** A request body as it arrived, or with its Content-Encoding undone. */
export const captureBodyForm = z.enum(['received', 'decoded']);
export type CaptureBodyForm = z.infer<typeof captureBodyForm>;

export const exportFormat = z.enum(['har', 'jsonl', 'json', 'curl']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const captureMethods = {
  'captures.list': method(
    z.object({
      filter: captureFilter.optional(),
      /** Keyset cursor: return captures with an id below this one (newest first). */
      cursor: z.number().int().nullable().optional(),
      limit: z.number().int().min(1).max(500).default(50),
      /**
       * With a text filter: bring the search index up to date first, so no committed capture is missed (exports paging
       * a filter). Without it a search answers at once and may lag a burst by the index lag the status bar shows.
       */
      complete: z.boolean().optional(),
    }),
    z.object({ items: z.array(captureSummary), nextCursor: z.number().int().nullable() }),
  ),
  'captures.count': method(
    z.object({ filter: captureFilter.optional() }),
    z.object({
      count: z.number().int(),
      /** The newest capture this count includes (null: none), so a client can tell which arrivals it already holds. */
      newestId: z.number().int().nullable(),
    }),
  ),
  /** The charts: captures per time bucket (oldest first) over a window ending at endMs, and per status class. */
  'captures.breakdown': method(
    z.object({
      filter: captureFilter.optional(),
      endMs: z.number().int(),
      bucketMs: z.number().int().min(1_000).max(86_400_000),
      buckets: z.number().int().min(1).max(240),
    }),
    z.object({
      rate: z.array(z.number().int()),
      statuses: z.object({
        '2xx': z.number().int(),
        '3xx': z.number().int(),
        '4xx': z.number().int(),
        '5xx': z.number().int(),
      }),
    }),
  ),
  'captures.get': method(
    z.object({
      id: z.number().int(),
      /** Leave the request body out (see `bodyOmitted`) when it, or its decoded form, is longer than this. */
      inlineBodyMaxBytes: z.number().int().min(0).optional(),
    }),
    captureDetail,
  ),
  /** One capture's request body alone: as received, or with its Content-Encoding undone. */
  'captures.body': method(
    z.object({ id: z.number().int(), form: captureBodyForm.default('received') }),
    z.object({ bodyBase64: z.string() }),
  ),
  /** `undoable`: the captures are kept for a few minutes, and `captures.restore` brings them back. */
  'captures.delete': method(
    z.object({ ids: z.array(z.number().int()).min(1).max(100_000) }),
    z.object({ deleted: z.number().int(), undoable: z.boolean() }),
  ),
  /** Undo a delete: the ids brought back (those still kept), filed and searchable again. */
  'captures.restore': method(
    z.object({ ids: z.array(z.number().int()).min(1).max(100_000) }),
    z.object({
      restored: z.array(z.number().int()),
      /** How many of those the current retention limits will delete again at its next passes (too old, or too many). */
      expiring: z.number().int(),
    }),
  ),
  'captures.deleteAll': method(z.object({}), z.object({ deleted: z.number().int() })),
  'captures.export': method(
    z
      .object({
        format: exportFormat,
        /** These captures (a selection). Not with `filter`: narrow a selection with a filter by listing it first. */
        ids: z.array(z.number().int()).optional(),
        /** The captures this filter matches, newest first, up to `limit`. Neither: every capture. */
        filter: captureFilter.optional(),
        /** Replace Authorization, cookies, API keys and signature headers with a marker (default on). */
        redact: z.boolean().default(true),
        limit: z.number().int().min(1).max(1_000_000).default(100_000),
      })
      .superRefine((input, ctx) => {
        // Refused rather than picking one: either reading drops captures the caller meant to have, or adds some.
        if (input.ids !== undefined && input.filter !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['ids'],
            message:
              'give ids or filter, not both (to export the ids a filter matches, list them with the filter)',
          });
      }),
    z.object({
      content: z.string(),
      count: z.number().int(),
      /** Captures asked for (by id, or matched by the filter) that were deleted before they were read: left out. */
      missing: z.number().int(),
      mimeType: z.string(),
      fileName: z.string(),
    }),
  ),
  'captures.importHar': method(
    z.object({
      har: z.string().min(1),
      /** Import entries that match a capture imported before (the same file imported twice) instead of leaving them out. */
      duplicates: z.boolean().optional(),
      /**
       * This call goes on with an import split into several calls: the `importedAtMs` its first call answered. What
       * its earlier calls stored is the same file, so an entry matching one of those is imported, not left out.
       */
      continuesImportAtMs: z.number().int().optional(),
    }),
    z.object({
      imported: z.number().int(),
      /** When this call imported its entries: pass it as `continuesImportAtMs` with the rest of the same file. */
      importedAtMs: z.number().int(),
      skipped: z.number().int(),
      /** Entries left out as an earlier import brought them in: same time, request line, headers and body. */
      duplicates: z.number().int(),
      errors: z.array(z.string()),
      /** Imported entries with something missing (a body HAR gave only as params), each naming the entry. */
      warnings: z.array(z.string()),
    }),
  ),
};
