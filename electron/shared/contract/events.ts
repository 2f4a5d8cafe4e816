import { z } from 'zod';
import { settings } from './app';
import { captureSummary } from './captures';
import { endpoint } from './endpoints';

/** Push events of the core; domains add theirs in their own contract file. */
export const coreEvents = {
  /** One event per committed batch, not per request. */
  'capture.created': z.object({ items: z.array(captureSummary) }),
  'capture.deleted': z.object({ ids: z.array(z.number().int()), all: z.boolean() }),
  /** Decoder results (vendor, event label) that arrive after the capture was created. */
  'capture.updated': z.object({ items: z.array(captureSummary) }),
  /** After `settings.update`, so every open settings form follows a change made elsewhere. */
  'settings.changed': settings,
  'endpoint.changed': z.object({ endpoint: endpoint.nullable(), deletedId: z.number().int().nullable() }),
  'index.progress': z.object({
    indexedUpTo: z.number().int(),
    latestId: z.number().int(),
    lagRows: z.number().int(),
    lagMs: z.number(),
  }),
};
