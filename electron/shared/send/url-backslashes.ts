/**
 * `http:\\host/hook` (a Windows path habit), or nothing: URL parsing reads `\` as `/` after an http(s) scheme, so it
 * would be sent to `http://host/hook` as if typed so — or be told it lacks an `http://` it seems to have.
 */
export function backslashesAfterScheme(url: string): string | null {
  const written = /^(https?):([/\\]+)/i.exec(url);
  if (!written || !written[2]!.includes('\\')) return null;
  const scheme = written[1]!;
  return `URL "${url.slice(0, 200)}" has backslashes after "${scheme}:": use forward slashes (${scheme}://)`;
}
