import type { HeaderPair } from '../../shared/contract/captures';
import { BYPASS_REMINDER_HEADER } from '../../shared/tunnel-bypass';

const header = (headers: HeaderPair[], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

const hostnameOf = (value: string) => {
  try {
    return new URL(`http://${value.split(',')[0]?.trim() ?? ''}`).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * Which of our public URLs a request came through, judged by its Host (localtunnel passes the public host on) or
 * X-Forwarded-Host. Null for requests that reached the receiver directly.
 */
export function tunnelUrlOf(headers: HeaderPair[], knownUrls: string[]): string | null {
  if (knownUrls.length === 0) return null; // no tunnel: the common case, on every request
  const hosts = [header(headers, 'host'), header(headers, 'x-forwarded-host')]
    .filter((v): v is string => v !== null)
    .map(hostnameOf);
  for (const url of knownUrls) {
    const known = hostnameOf(new URL(url).host);
    if (known && hosts.includes(known)) return url;
  }
  return null;
}

const browserUserAgent = /^Mozilla\/5\.0 \(.+\) .*(?:Chrome|Firefox|Safari|Edg|OPR)\/\d/;

/**
 * localtunnel.me answers clients that look like browsers with a "reminder" page unless they send
 * `bypass-tunnel-reminder`. A browser-like request that did reach us without that header got past the page (its
 * user clicked through), which means senders with a browser-like User-Agent are being shown it.
 */
export function reminderPageExplanation(
  headers: HeaderPair[],
): { userAgent: string; explanation: string } | null {
  const userAgent = header(headers, 'user-agent');
  if (!userAgent || !browserUserAgent.test(userAgent) || header(headers, BYPASS_REMINDER_HEADER) !== null)
    return null;
  return {
    userAgent,
    explanation:
      'A request with a browser User-Agent came through the tunnel. localtunnel shows such clients a reminder ' +
      'page first, so a sender that uses a browser-like User-Agent gets that page instead of reaching Hookscope and ' +
      'no capture appears. Have the sender add the header "bypass-tunnel-reminder: 1" or use a non-browser ' +
      'User-Agent, or use a self-hosted tunnel server.',
  };
}
