import { isLoopbackHost, portOf } from '../delivery/loop-guard';

/**
 * Why `host` is this app's own UI (browser mode's control server, on loopback) rather than a tunnel server, or null.
 * The client would register with it, get the UI's HTML page back, and retry for ever.
 */
export function ownUiReason(host: string, controlServerPorts: ReadonlySet<number>): string | null {
  const url = new URL(host);
  const port = portOf(url);
  if (!controlServerPorts.has(port) || !isLoopbackHost(url.hostname)) return null;
  return `${url.origin} is this app's own UI and control API (port ${port})`;
}
