import { z } from 'zod';
import { method } from './define';

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
    maxCount: z.number().int().min(1).nullable().default(null),
  }),
  /** Requests with larger bodies get 413 and a truncated capture. */
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024),
  /** Desktop notification for new captures while the window is unfocused. */
  notifyOnCapture: z.boolean(),
});
export type Settings = z.infer<typeof settings>;

export const stats = z.object({
  count: z.number().int(),
  bodyBytes: z.number().int(),
  dbSizeBytes: z.number().int(),
  latestId: z.number().int(),
  indexedUpTo: z.number().int(),
  indexLagRows: z.number().int(),
  indexLagMs: z.number(),
});
export type Stats = z.infer<typeof stats>;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  receiverUrl: z.string(),
  dataDir: z.string(),
  mode: z.enum(['browser', 'desktop', 'test']),
});
export type AppInfo = z.infer<typeof appInfo>;

export const appMethods = {
  'app.info': method(z.object({}), appInfo),
  'app.stats': method(z.object({}), stats),
  'settings.get': method(z.object({}), settings),
  'settings.update': method(settings.partial(), settings),
};

export const sampleMethods = {
  /** Sends a sample Ortto activity webhook to our own receiver over real HTTP (first-run experience). */
  'app.sendSample': method(
    z.object({}),
    z.object({ captureId: z.number().int().nullable(), status: z.number().int() }),
  ),
};
