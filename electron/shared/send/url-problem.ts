import { backslashesAfterScheme } from './url-backslashes';

/**
 * Why a URL typed in the composer cannot be sent, or null. A URL with no `scheme://` is told to add one, whatever URL
 * parsing makes of it (`localhost:3000/hook` parses with "localhost" as its scheme); one that has it is told which part
 * is wrong, not to add what it already has.
 */
export function urlProblem(url: string): string | null {
  const quoted = `"${url.slice(0, 200)}"`;
  const backslashes = backslashesAfterScheme(url);
  if (backslashes) return backslashes;
  const written = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
  if (!written) return `URL ${quoted} is not valid (include http:// or https://)`;
  const scheme = written[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return `URL scheme "${written[1]}" is not supported (use http or https)`;
  const hostPort = written[2]!.slice(written[2]!.lastIndexOf('@') + 1);
  // URL parsing would take the path's first segment as the host of `http:///hook`: it would go to a host "hook".
  if (hostPort === '') return `URL ${quoted} has no host`;
  try {
    new URL(url);
    return null;
  } catch {
    const port = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort)?.[1];
    if (port !== undefined && !(/^\d+$/.test(port) && Number(port) <= 65535))
      return `URL ${quoted} has port "${port}", which is not a port number (0 to 65535)`;
    const host = port === undefined ? hostPort : hostPort.slice(0, -port.length - 1);
    return `URL ${quoted} has host "${host}", which is not a valid host name`;
  }
}
