import { isIP } from 'node:net';
import Tunnel, { type LocaltunnelCluster } from 'localtunnel/lib/Tunnel.js';
import { ownMessage } from '../util/own-message';
import { boundedText } from './bounded-text';
import {
  PermanentRefusal,
  type TunnelConnection,
  type TunnelOpenRequest,
  type TunnelProvider,
} from './provider';

/** A localtunnel server's registration answer is a few hundred bytes; whatever the user typed as host is not trusted. */
export const REGISTRATION_ANSWER_MAX_BYTES = 64 * 1024;

/** The server's answer to `GET /<subdomain>` or `GET /?new`. */
interface Registration {
  id: string;
  url: string;
  port: number;
  max_conn_count?: number;
  ip?: string;
}

/**
 * The real provider over npm `localtunnel`. We do the registration request ourselves (with the supervisor's abort
 * signal) because localtunnel's own retries forever and never rejects; the socket pool and piping stay localtunnel's.
 * `local_host` is deliberately left unset: setting it makes localtunnel rewrite the Host header by decoding the first
 * chunk as text, which corrupts binary bodies and hides the public host the annotator matches on.
 */
export function createLocaltunnelProvider(
  options: { fetch?: typeof fetch; localHost?: string } = {},
): TunnelProvider {
  const doFetch = options.fetch ?? fetch;
  const localHost = options.localHost ?? '127.0.0.1';
  return {
    async open(request) {
      const registration = await register(doFetch, request);
      return establish(registration, request, localHost);
    },
  };
}

async function register(doFetch: typeof fetch, request: TunnelOpenRequest): Promise<Registration> {
  const target = new URL(request.subdomain ? `/${request.subdomain}` : '/?new', request.host);
  let response: Response;
  try {
    response = await doFetch(target, { signal: request.signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (request.signal.aborted)
      throw new Error(`registration with ${request.host} was aborted`, { cause: error });
    throw new Error(
      `cannot reach tunnel server ${request.host}: ${badPort(error, target) ?? describe(error)}`,
      {
        cause: error,
      },
    );
  }
  const text = await boundedText(response, REGISTRATION_ANSWER_MAX_BYTES);
  if (text === null)
    throw new Error(
      `tunnel server ${request.host} sent a registration answer over ${REGISTRATION_ANSWER_MAX_BYTES} bytes (a localtunnel server sends a few hundred)`,
    );
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Reported below with the status.
  }
  if (!response.ok) {
    const message =
      typeof (body as { message?: unknown })?.message === 'string'
        ? (body as { message: string }).message
        : text.slice(0, 200);
    const refusal = `tunnel server ${request.host} refused the registration (HTTP ${response.status}): ${message}`;
    if (isPermanent(response.status))
      throw new PermanentRefusal(
        `${refusal}; not retrying, as it would refuse again: ${request.subdomain ? 'choose another subdomain (or leave it empty) or another tunnel server' : 'check the tunnel server address'}, then start the tunnel again`,
      );
    throw new Error(refusal);
  }
  const reg = body as Partial<Registration> | null;
  if (!reg || typeof reg.id !== 'string' || typeof reg.url !== 'string' || typeof reg.port !== 'number') {
    throw new Error(`tunnel server ${request.host} answered without id, url and port: ${text.slice(0, 200)}`);
  }
  // The URL is matched against every request's Host, printed to the terminal and shown as the public address:
  // anything but a plain http(s) origin from the server is refused rather than trusted.
  const url = publicOrigin(reg.url);
  if (!url)
    throw new Error(
      `tunnel server ${request.host} answered with a url that is not an http(s) address: ${JSON.stringify(reg.url.slice(0, 200))}${namedUnderAnIp(reg.url, request.host)}`,
    );
  return { ...(reg as Registration), url };
}

/** A 4xx says the request itself is refused, so asking again is refused again; 408 and 429 ask to come back later. */
const isPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * A localtunnel-server started without --domain names each tunnel `<id>.<the Host it was reached by>`: reached by its IP
 * address, that is `abcd.192.168.1.5`, which no URL can hold. Say how to fix it rather than only that it is invalid.
 */
function namedUnderAnIp(url: string, host: string): string {
  const { hostname } = new URL(host);
  const address = hostname.replace(/^\[|\]$/g, '');
  if (!isIP(address) || !url.includes(`.${hostname}`)) return '';
  return ` (a name under the IP address ${address}: start the tunnel server with --domain set to a domain whose subdomains resolve to it)`;
}

function publicOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    const plain = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return (url.protocol === 'http:' || url.protocol === 'https:') && plain ? url.origin : null;
  } catch {
    return null;
  }
}

function establish(
  registration: Registration,
  request: TunnelOpenRequest,
  localHost: string,
): Promise<TunnelConnection> {
  const tunnel = new Tunnel({ host: request.host, port: request.localPort });
  tunnel._init = (callback) => callback(null, tunnel._getInfo(registration));
  connectTo(tunnel, localHost);
  const failureListeners = new Set<(error: Error) => void>();

  return new Promise<TunnelConnection>((resolve, reject) => {
    let settled = false;
    const onAbort = () =>
      fail(new Error(`tunnel to ${request.host} was aborted before its first socket connected`));
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener('abort', onAbort);
      tunnel.close();
      reject(error);
    };
    // An EventEmitter without an 'error' listener throws; keep one for the tunnel's whole life.
    tunnel.on('error', (error: Error) => {
      if (!settled) return fail(error);
      if (!tunnel.closed)
        for (const listener of failureListeners) listener(explainFailure(error, request.host));
    });
    tunnel.once('url', () => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener('abort', onAbort);
      resolve({
        url: registration.url,
        onFailure: (listener) => void failureListeners.add(listener),
        close: () => {
          failureListeners.clear();
          tunnel.close();
        },
      });
    });
    if (request.signal.aborted) return onAbort();
    request.signal.addEventListener('abort', onAbort, { once: true });
    tunnel.open((error) => {
      if (error) fail(error);
    });
  });
}

/**
 * localtunnel blames the firewall when its tunnel sockets are refused once the tunnel is up; then the server has
 * let go of the registration (it restarted, or dropped the client) and its port for this tunnel is closed. Said so,
 * without the firewall hint, which sends the user looking in the wrong place.
 */
function explainFailure(error: Error, host: string): Error {
  if (!error.message.startsWith('connection refused:')) return error;
  const refused = error.message.replace(/ \(check your firewall settings\)$/, '');
  return new Error(
    `tunnel server ${host} no longer accepts this tunnel's connections (it restarted or dropped the registration); ${refused}`,
    { cause: error },
  );
}

/**
 * fetch refuses the ports the Fetch standard calls bad (6000, 6666, 10080, …) before connecting, saying only "bad port";
 * localtunnel's own client has no such rule, so a server there works with it and never with us: say what to change.
 */
function badPort(error: unknown, target: URL): string | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof Error) || cause.message !== 'bad port') return null;
  return `port ${target.port} is one that fetch refuses to connect to (a "bad port" in the Fetch standard); run the tunnel server on another port`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${ownMessage(error)} (${ownMessage(cause)})` : ownMessage(error);
  }
  return String(error);
}

/**
 * Points the tunnel's connections at the receiver's own address. Left alone, localtunnel connects to `localhost`,
 * which may name ::1 first (macOS, many Linux hosts): with the receiver on 127.0.0.1, public requests then reach
 * whatever else listens on [::1] at that port. Its `local_host` option would also rewrite every request's Host header
 * (see above), so it is set only while a cluster's `open()` reads it for the address — synchronously, before any
 * connection's own check for the rewrite runs.
 */
function connectTo(tunnel: Tunnel, localHost: string): void {
  let cluster: LocaltunnelCluster | undefined;
  Object.defineProperty(tunnel, 'tunnelCluster', {
    configurable: true,
    get: () => cluster,
    set: (value: LocaltunnelCluster) => {
      const open = value.open.bind(value);
      value.open = () => {
        value.opts.local_host = localHost;
        try {
          open();
        } finally {
          delete value.opts.local_host;
        }
      };
      cluster = value;
    },
  });
}
