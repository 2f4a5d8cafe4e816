import { networkInterfaces } from 'node:os';
import { ApiError } from '../../shared/contract/errors';

export interface LoopTargets {
  /** The receiver's local URL (may be empty when no receiver runs, as in the CLI). */
  receiverUrl: string | null;
  receiverPort: number | null;
  /** The address the receiver is bound to: bound to every interface, any of this machine's addresses reaches it. */
  receiverHost?: string | null;
  publicUrls: string[];
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** This machine's own interface addresses (LAN, VPN, …), read when asked: they change as networks come and go. */
function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) own.add(a.address.replace(/%.*$/, '').toLowerCase());
  return own;
}

/** The host as a resolver reads it: brackets off, lower case, and the root's trailing dot dropped (`localhost.`). */
const bareHost = (host: string) =>
  host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

export const isLoopbackHost = (host: string): boolean => {
  const h = bareHost(host);
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(h) ||
    h === '::1' ||
    h === '0.0.0.0' ||
    h === '::' ||
    // IPv4-mapped IPv6 of 127.0.0.0/8 and 0.0.0.0: WHATWG URL writes [::ffff:127.0.0.1] as [::ffff:7f00:1].
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h) ||
    h === '::ffff:0:0'
  );
};

export const portOf = (url: URL): number =>
  url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;

/** Why sending to `target` would land on this app's own receiver or tunnel, or null when it would not. */
export function loopReason(target: string, targets: LoopTargets): string | null {
  const url = new URL(target);
  if (targets.receiverPort && portOf(url) === targets.receiverPort) {
    if (isLoopbackHost(url.hostname))
      return `${url.origin} is this app's own receiver (port ${targets.receiverPort})`;
    if (isWildcard(targets.receiverHost ?? '127.0.0.1') && ownAddresses().has(bareHost(url.hostname)))
      return `${url.origin} is one of this machine's addresses, where this app's own receiver listens (port ${targets.receiverPort})`;
  }
  if (targets.receiverUrl) {
    const own = new URL(targets.receiverUrl);
    if (bareHost(own.hostname) === bareHost(url.hostname) && portOf(own) === portOf(url))
      return `${url.origin} is this app's own receiver`;
  }
  for (const publicUrl of targets.publicUrls) {
    try {
      const own = new URL(publicUrl);
      if (bareHost(own.hostname) === bareHost(url.hostname) && portOf(own) === portOf(url)) {
        return `${url.origin} is this app's public tunnel URL, which forwards to its own receiver`;
      }
    } catch {
      // a malformed provider entry cannot match anything
    }
  }
  return null;
}

export function assertNoLoop(target: string, targets: LoopTargets, allowLoop: boolean | undefined): void {
  if (allowLoop) return;
  const reason = loopReason(target, targets);
  if (reason) {
    throw new ApiError(
      'loop_detected',
      `Refused: ${reason}. Sending there would be captured again and could re-trigger itself. Pass allowLoop: true to send anyway.`,
      { url: target },
    );
  }
}
