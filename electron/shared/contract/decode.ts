import { z } from 'zod';
import { method, type EventTable, type MethodTable } from './define';
import { base64 } from './base64';

export const decodeWarning = z.object({
  code: z.enum([
    'unresolved-merge-field',
    'unknown-id',
    'suspicious-value',
    'precision',
    'malformed',
    'duplicate-key',
    'truncated',
  ]),
  severity: z.enum(['warning', 'info']),
  message: z.string(),
  path: z.string(),
});

export interface DecodedNodeShape {
  key: string;
  path: string;
  label: string;
  type: string;
  display: string;
  raw: string | null;
  fieldId: string | null;
  labelSource: 'custom' | 'dictionary' | 'activity' | 'grammar' | 'vendor' | 'none';
  epochMs: number | null;
  details: string[];
  warnings: z.infer<typeof decodeWarning>[];
  children: DecodedNodeShape[] | null;
}

/** One key of a decoded payload: label, type, display value, raw key and raw value. */
export const decodedNode: z.ZodType<DecodedNodeShape> = z.lazy(() =>
  z.object({
    key: z.string(),
    path: z.string(),
    label: z.string(),
    type: z.string(),
    display: z.string(),
    raw: z.string().nullable(),
    rawClipped: z.boolean().optional(),
    fieldId: z.string().nullable(),
    labelSource: z.enum(['custom', 'dictionary', 'activity', 'grammar', 'vendor', 'none']),
    epochMs: z.number().nullable(),
    details: z.array(z.string()),
    warnings: z.array(decodeWarning),
    children: z.array(decodedNode).nullable(),
  }),
);

export const recognition = z.object({
  vendor: z.string(),
  kind: z.string(),
  eventLabel: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  explanation: z.string(),
});

export const decodeResult = z.object({
  vendor: z.string().nullable(),
  eventLabel: z.string().nullable(),
  recognition: recognition.nullable(),
  candidates: z.array(recognition),
  bodyFormat: z.enum(['json', 'form', 'xml', 'text', 'binary', 'empty', 'invalid-json', 'too-large']),
  reason: z.string().nullable(),
  sections: z.array(decodedNode),
  warnings: z.array(decodeWarning),
  nodeCount: z.number().int(),
  truncated: z.boolean(),
});
export type DecodeResultShape = z.infer<typeof decodeResult>;

export const dictionaryEntry = z.object({
  vendor: z.string(),
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  altLabels: z.array(z.string()),
  activityId: z.string().nullable(),
  displayType: z.string().nullable(),
  confidence: z.enum(['high', 'medium', 'low']).nullable(),
  sources: z.array(z.string()),
  note: z.string().nullable(),
  origin: z.enum(['built-in', 'custom']),
  /** For custom rows: the dictionary it belongs to. */
  dictionaryId: z.number().int().nullable(),
});
export type DictionaryEntryRow = z.infer<typeof dictionaryEntry>;

export const customDictionary = z.object({
  id: z.number().int(),
  name: z.string(),
  source: z.enum(['ortto-schema', 'csv', 'json', 'manual']),
  entryCount: z.number().int(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type CustomDictionaryInfo = z.infer<typeof customDictionary>;

export const customEntry = z.object({
  /** The ID being labelled: `str:cm:job-title`, `act:cm:flight-booked`, an Ontraport `f1584`. */
  fieldId: z.string().trim().min(1).max(160).regex(/^\S+$/, 'no whitespace in IDs'),
  label: z.string().trim().min(1).max(300),
  /** Set to label an attribute only inside this activity (`act::c`). */
  activityId: z.string().trim().regex(/^act:/, 'an activity ID starts with act:').nullable().default(null),
  displayType: z.string().trim().max(60).nullable().default(null),
});
export type CustomEntryShape = z.infer<typeof customEntry>;

const headerPair = z.tuple([z.string(), z.string()]);
const dictionaryName = z.string().trim().min(1).max(200);

export const decodeMethods = {
  /** Decode a stored capture (its decoded body when Content-Encoding was undone). */
  'decode.capture': method(z.object({ id: z.number().int() }), decodeResult),
  /** One decoded value of a stored capture, whole (the tree's raw values are cut at 1,000 characters). */
  'decode.value': method(
    z.object({ id: z.number().int(), path: z.string().min(1).max(10_000) }),
    z.object({ raw: z.string() }),
  ),
  /** Decode a payload that is not stored (composer preview, pasted text). */
  'decode.payload': method(
    z
      .object({
        method: z.string().default('POST'),
        path: z.string().default('/'),
        query: z.string().default(''),
        headers: z.array(headerPair).max(500).default([]),
        contentType: z.string().nullable().default(null),
        body: z.string().max(16 * 1024 * 1024),
        bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
      })
      .superRefine((input, ctx) => {
        // Lax base64 decoding drops or invents bytes without a word: refuse what is not canonical base64.
        if (input.bodyEncoding === 'base64' && !base64.safeParse(input.body).success)
          ctx.addIssue({ code: 'custom', path: ['body'], message: 'not base64 (bodyEncoding is base64)' });
      }),
    decodeResult,
  ),
  /** Every built-in ID plus every custom label (custom rows carry their dictionary). */
  'dictionary.entries': method(
    z.object({ origin: z.enum(['built-in', 'custom']).optional() }),
    z.object({ items: z.array(dictionaryEntry) }),
  ),
  'dictionary.custom.list': method(z.object({}), z.object({ items: z.array(customDictionary) })),
  'dictionary.custom.get': method(
    z.object({ id: z.number().int() }),
    z.object({ dictionary: customDictionary, entries: z.array(customEntry) }),
  ),
  'dictionary.custom.create': method(z.object({ name: dictionaryName }), customDictionary),
  'dictionary.custom.rename': method(
    z.object({ id: z.number().int(), name: dictionaryName }),
    customDictionary,
  ),
  /** Import an Ortto instance schema (`/v1/instance-schema/get` response) or a CSV/JSON of id → label. */
  'dictionary.custom.import': method(
    z.object({
      name: dictionaryName,
      format: z.enum(['ortto-schema', 'csv', 'json', 'auto']).default('auto'),
      content: z
        .string()
        .min(1)
        .max(64 * 1024 * 1024),
      /** Merge into this dictionary instead of creating a new one. */
      dictionaryId: z.number().int().nullable().default(null),
    }),
    z.object({
      dictionary: customDictionary,
      imported: z.number().int(),
      skipped: z.number().int(),
      errors: z.array(z.string()),
    }),
  ),
  'dictionary.custom.upsertEntry': method(
    z.object({
      dictionaryId: z.number().int(),
      /**
       * Its display type must be one Hookscope knows, or one this dictionary already holds (an imported instance
       * schema may hold Ortto's display types not listed here): checked by the handler, which knows the dictionary.
       */
      entry: customEntry.strict(),
    }),
    z.object({ entry: customEntry }),
  ),
  'dictionary.custom.deleteEntry': method(
    z.object({
      dictionaryId: z.number().int(),
      fieldId: z.string().min(1),
      activityId: z.string().nullable().default(null),
    }),
    z.object({ deleted: z.boolean() }),
  ),
  'dictionary.custom.delete': method(z.object({ id: z.number().int() }), z.object({ deleted: z.boolean() })),
  'dictionary.custom.export': method(
    z.object({ id: z.number().int(), format: z.enum(['json', 'csv']).default('json') }),
    z.object({ content: z.string(), fileName: z.string(), mimeType: z.string() }),
  ),
} satisfies MethodTable;

export const decodeEvents = {
  /** A custom dictionary was created, changed or deleted (null id: several). */
  'dictionary.changed': z.object({ dictionaryId: z.number().int().nullable() }),
  /**
   * The pass that relabels stored captures after the custom labels change: `done` of `total` captures classified
   * again so far; sent when it starts, now and then while it runs, and once more, with `running: false`, when done.
   */
  'relabel.progress': z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int() }),
} satisfies EventTable;
