import type { HeaderPair } from './contract/captures';

/** localtunnel forwards a request carrying this header instead of answering a browser with its reminder page. */
export const BYPASS_REMINDER_HEADER = 'bypass-tunnel-reminder';

const publicTunnelDomains = ['.loca.lt', '.localtunnel.me'];

/** Where localtunnel URLs live: our own public URLs, and the tunnel servers whose subdomains are public URLs. */
export interface TunnelHosts {
  publicUrls: string[];
  /** Tunnel server URLs (`http://lt.example.com:4000`): a server hands out `<id>.<its host>` on its own port. */
  serverHosts?: string[];
}

const defaultPort = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

const isServerSubdomain = (target: URL, server: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(server);
  } catch {
    return false;
  }
  return (
    target.hostname.toLowerCase().endsWith(`.${parsed.hostname.toLowerCase()}`) &&
    defaultPort(target) === defaultPort(parsed)
  );
};

/** Whether a request to `target` goes through a localtunnel URL (ours, any on the public server, or the configured one's). */
export function isTunnelTarget(target: string, hosts: TunnelHosts): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return (
    hosts.publicUrls.some((publicUrl) => new URL(publicUrl).host.toLowerCase() === host) ||
    publicTunnelDomains.some((domain) => hostname.endsWith(domain)) ||
    (hosts.serverHosts ?? []).some((server) => isServerSubdomain(url, server))
  );
}

/**
 * Headers for our own requests (sends, replays, bulk rows) to a tunnel URL: adds `bypass-tunnel-reminder` so
 * localtunnel forwards them instead of answering a browser-like User-Agent with its reminder page. Other targets get
 * the headers unchanged.
 */
export function withBypassReminder(headers: HeaderPair[], target: string, hosts: TunnelHosts): HeaderPair[] {
  if (!isTunnelTarget(target, hosts)) return headers;
  if (headers.some(([name]) => name.toLowerCase() === BYPASS_REMINDER_HEADER)) return headers;
  return [...headers, [BYPASS_REMINDER_HEADER, '1']];
}
