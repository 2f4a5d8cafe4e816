/** Headers curl computes itself; copying them would make the replay lie about length or framing. */
const SKIP = new Set(['content-length', 'host', 'connection', 'transfer-encoding', 'expect']);

/**
 * A POSIX-shell curl command that re-sends the request: headers in order and case, body byte-exact via
 * `--data-binary`. Bodies that are not text are referenced as a file the user downloads next to it.
 */
export function toCurl(options: {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  bodyText: string | null;
  bodySize: number;
}): string {
  const first = ['curl'];
  if (options.method !== 'GET' || options.bodySize > 0) first.push('-X', shellQuote(options.method));
  first.push(shellQuote(options.url));
  const lines = [first.join(' ')];
  for (const [name, value] of options.headers) {
    if (SKIP.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (options.bodySize > 0)
    lines.push(`--data-binary ${options.bodyText !== null ? shellQuote(options.bodyText) : '@body.bin'}`);
  return lines.join(' \\\n  ');
}

/** POSIX single-quoting: safe for any bytes a sender chose, including quotes, `$` and newlines. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-.,:/@=+%]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
