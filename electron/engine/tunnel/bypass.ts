import type { HeaderPair } from '../../shared/contract/captures';
import { BYPASS_REMINDER_HEADER } from './probe';

const publicTunnelDomains = ['.loca.lt', '.localtunnel.me'];

/** Whether a request to `target` goes through a localtunnel URL (ours, or any on the public server). */
export function isTunnelTarget(target: string, publicUrls: string[]): boolean {
  let host: string;
  try {
    host = new URL(target).host.toLowerCase();
  } catch {
    return false;
  }
  const hostname = host.replace(/:\d+$/, '');
  return (
    publicUrls.some((url) => new URL(url).host.toLowerCase() === host) ||
    publicTunnelDomains.some((domain) => hostname.endsWith(domain))
  );
}

/**
 * Headers for our own requests (test sends, replays) to a tunnel URL: adds `bypass-tunnel-reminder` so localtunnel
 * forwards them instead of answering with its reminder page. Other targets get the headers unchanged.
 */
export function withBypassReminder(
  headers: HeaderPair[],
  target: string,
  publicUrls: string[],
): HeaderPair[] {
  if (!isTunnelTarget(target, publicUrls)) return headers;
  if (headers.some(([name]) => name.toLowerCase() === BYPASS_REMINDER_HEADER)) return headers;
  return [...headers, [BYPASS_REMINDER_HEADER, '1']];
}
