import { z } from 'zod';
import { method, type EventTable, type MethodTable } from './define';

export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me';

/**
 * A preferred subdomain, checked before the server is asked. localtunnel servers accept
 * `[a-z0-9][a-z0-9-]{4,63}[a-z0-9]` or `[a-z0-9]{4,63}`, so a name with a hyphen needs at least 6 characters.
 */
export const tunnelSubdomain = z
  .string()
  .min(4, 'use at least 4 characters')
  .max(63, 'use at most 63 characters')
  .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and hyphens only')
  .regex(
    /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/,
    'start and end with a letter or digit; with a hyphen, use at least 6 characters',
  );

/** The tunnel server: the public localtunnel.me or a self-hosted localtunnel-server. */
export const tunnelHost = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = tunnelHostProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => new URL(value).origin);

/** Only the origin is used, so anything else in the URL is refused rather than silently dropped. */
function tunnelHostProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'use an http(s) URL with no path, like https://localtunnel.me';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'use an http(s) URL with no path, like https://localtunnel.me';
  // `http://@host`, `host/?` and `host/#` parse to empty parts, so the raw text is checked too.
  if (url.username || url.password || /^[a-z]+:\/\/[^/?#]*@/i.test(value))
    return 'remove the user name and password: a tunnel server URL takes none';
  if (url.pathname !== '/') return 'use an http(s) URL with no path, like https://localtunnel.me';
  // Port 0 parses, but nothing can be reached on it: every registration would fail as "cannot reach".
  if (url.port === '0') return 'use a port from 1 to 65535';
  if (url.search || value.includes('?')) return 'remove the query: a tunnel server URL takes none';
  if (url.hash || value.includes('#')) return 'remove the #fragment: a tunnel server URL takes none';
  return null;
}

export const tunnelPhase = z.enum(['idle', 'connecting', 'online', 'degraded', 'offline']);
export type TunnelPhase = z.infer<typeof tunnelPhase>;

export const tunnelSettings = z.object({
  /** Preferred subdomain; null lets the server choose. */
  subdomain: tunnelSubdomain.nullable(),
  host: tunnelHost,
  /** Start the tunnel when the engine starts. */
  autoStart: z.boolean(),
});
export type TunnelSettings = z.infer<typeof tunnelSettings>;

export const tunnelHistoryEntry = z.object({
  url: z.string(),
  host: z.string(),
  requestedSubdomain: z.string().nullable(),
  fromMs: z.number(),
  /** When this URL stopped being the current one (null while current). */
  untilMs: z.number().nullable(),
});
export type TunnelHistoryEntry = z.infer<typeof tunnelHistoryEntry>;

export const tunnelState = z.object({
  phase: tunnelPhase,
  /** The public URL in use (kept while degraded, so the UI still shows what senders call). */
  url: z.string().nullable(),
  host: z.string(),
  requestedSubdomain: z.string().nullable(),
  /** The receiver port being tunnelled (never the control API / UI port). */
  localPort: z.number().int().nullable(),
  sinceMs: z.number(),
  /** Newest first; includes the current URL. */
  history: z.array(tunnelHistoryEntry),
  lastError: z.object({ message: z.string(), atMs: z.number() }).nullable(),
  /** Set when the URL differs from the one asked for or the one before: senders must be updated. */
  urlChanged: z
    .object({
      previousUrl: z.string().nullable(),
      url: z.string(),
      reason: z.enum(['subdomain-taken', 'new-url']),
      /** The subdomain asked for when this happened (the current request may name another since). */
      requestedSubdomain: z.string().nullable(),
      atMs: z.number(),
    })
    .nullable(),
  attempt: z.number().int(),
  nextAttemptAtMs: z.number().nullable(),
  lastProbe: z
    .object({
      ok: z.boolean(),
      /**
       * The probe could not tell either way (this machine cannot resolve the public host, or requests through the
       * tunnel held it up): no sign the tunnel failed, and no reason to reconnect.
       */
      inconclusive: z.boolean().optional(),
      atMs: z.number(),
      latencyMs: z.number().nullable(),
      detail: z.string(),
    })
    .nullable(),
  /** There is a public URL and at least one endpoint accepts requests through it without auth. */
  publicWithoutAuth: z.boolean(),
  /** Paths of the endpoints that accept requests without auth (`/h/<slug>`, `/ (catch-all)`); empty without a URL. */
  unprotectedEndpoints: z.array(z.string()),
  /** A browser seems to have been shown localtunnel's reminder page instead of reaching the receiver. */
  reminderNotice: z.object({ atMs: z.number(), userAgent: z.string(), explanation: z.string() }).nullable(),
  /**
   * Grows with every `tunnel.state` event, across engine restarts too: a client keeps the state with the highest, so a
   * method's answer that arrives after a newer event does not overwrite it.
   */
  revision: z.number(),
  /**
   * The engine run this state comes from: revisions are compared within one run only. A client takes any state from a
   * new run, since the clock may have been set back between runs.
   */
  run: z.string(),
});
export type TunnelState = z.infer<typeof tunnelState>;

export const tunnelStartInput = z.object({
  subdomain: tunnelSubdomain.nullable().optional(),
  host: tunnelHost.optional(),
});

export const tunnelMethods = {
  'tunnel.status': method(z.object({}), tunnelState),
  /** Start (or restart with new options). Options given here are saved as the profile's settings. */
  'tunnel.start': method(tunnelStartInput, tunnelState),
  'tunnel.stop': method(z.object({}), tunnelState),
  /** Clear a notice: the URL-changed alert once the sender has been updated, or the reminder-page explanation. */
  'tunnel.dismiss': method(z.object({ notice: z.enum(['urlChanged', 'reminder']) }), tunnelState),
  'tunnel.settings.get': method(z.object({}), tunnelSettings),
  'tunnel.settings.update': method(tunnelSettings.partial(), tunnelSettings),
} satisfies MethodTable;

export const tunnelEvents = {
  'tunnel.state': tunnelState,
  /** After the saved options change (`tunnel.settings.update`, or `tunnel.start` saving what it was given). */
  'tunnel.settings.changed': tunnelSettings,
} satisfies EventTable;
