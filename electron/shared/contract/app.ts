import { z } from 'zod';
import { method } from './define';

/**
 * The largest body limit. A capture is one SQLite row, and this SQLite refuses a value or row over about 512 MiB
 * (measured: 536,869,880 bytes of blob beside 1,000 bytes of text is the most it takes), so a body between that and
 * the 1 GiB once allowed was answered but could not be stored. 500 MiB leaves room for the headers beside it.
 */
export const maxBodyLimitBytes = 500 * 1024 * 1024;

export const settings = z.object({
  retention: z.object({
    /** Keep at most this many captures (null = unlimited). */
    maxCount: z.number().int().min(1).nullable(),
    /** Delete captures older than this (null = forever). */
    maxAgeMs: z.number().int().min(1000).nullable(),
  }),
  deliveryRetention: z.object({
    /** Delete finished deliveries and their attempts older than this (null = keep them); bulk sends keep theirs. */
    maxAgeMs: z.number().int().min(1000).nullable(),
    /** Keep at most this many finished deliveries, the newest (null = unlimited); bulk sends keep theirs. */
    maxCount: z.number().int().min(1).nullable(),
  }),
  /** Requests with larger bodies get 413 and a truncated capture. */
  bodyLimitBytes: z.number().int().min(1024).max(maxBodyLimitBytes),
  /** Desktop notification for new captures while the window is unfocused. */
  notifyOnCapture: z.boolean(),
  /**
   * The UI's colours: follow the OS, or always light or dark. Kept here, not only in the page's storage: browser mode
   * gets a new port (so a new origin, with empty storage) on every start.
   */
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof settings>;

/**
 * What `settings.update` takes. Every field is optional, at every level: a field left out keeps its stored value,
 * and a nested object (`retention`, `deliveryRetention`) given in part merges with the stored one field by field —
 * `{ deliveryRetention: { maxAgeMs: 86400000 } }` changes the age and keeps `maxCount`. An explicit `null` clears a
 * limit (unlimited / keep forever). An unknown field, at any level, is refused. The merged result is validated as a
 * whole and stored.
 */
export const settingsPatch = z
  .object({
    retention: settings.shape.retention.partial().strict().optional(),
    deliveryRetention: settings.shape.deliveryRetention.partial().strict().optional(),
    bodyLimitBytes: settings.shape.bodyLimitBytes.optional(),
    notifyOnCapture: settings.shape.notifyOnCapture.optional(),
    theme: settings.shape.theme.optional(),
  })
  // A misspelt field is refused by name: silently dropping it would look like a successful save that changed nothing.
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

/** A patch applied to settings as `settings.update` does (see `settingsPatch`); not validated here. */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  return {
    ...base,
    ...defined({
      bodyLimitBytes: patch.bodyLimitBytes,
      notifyOnCapture: patch.notifyOnCapture,
      theme: patch.theme,
    }),
    retention: { ...base.retention, ...defined(patch.retention ?? {}) },
    deliveryRetention: { ...base.deliveryRetention, ...defined(patch.deliveryRetention ?? {}) },
  };
}

/** Leaves out keys whose value is undefined (an absent field keeps the stored value; null is a value). */
function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const stats = z.object({
  count: z.number().int(),
  bodyBytes: z.number().int(),
  dbSizeBytes: z.number().int(),
  latestId: z.number().int(),
  indexedUpTo: z.number().int(),
  indexLagRows: z.number().int(),
  indexLagMs: z.number(),
  /** Why captures cannot be stored right now (a full or read-only disk); null while writes succeed. */
  storageProblem: z.string().nullable(),
});
export type Stats = z.infer<typeof stats>;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  receiverUrl: z.string(),
  dataDir: z.string(),
  mode: z.enum(['browser', 'desktop', 'test']),
  /** `captures.delete` of more captures than this cannot be undone. */
  maxUndoableDelete: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const appMethods = {
  'app.info': method(z.object({}), appInfo),
  'app.stats': method(z.object({}), stats),
  'settings.get': method(z.object({}), settings),
  'settings.update': method(settingsPatch, settings),
};

export const sampleMethods = {
  /**
   * Sends a sample Ortto activity webhook to our own receiver over real HTTP (first-run experience). It is captured
   * like any request but answered without the endpoint's response rule, whose count and delay it leaves alone.
   */
  'app.sendSample': method(
    z.object({}),
    z.object({ captureId: z.number().int().nullable(), status: z.number().int() }),
  ),
};
