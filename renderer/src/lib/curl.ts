import { quote } from 'shell-quote';

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
  const args: string[] = ['curl'];
  if (options.method !== 'GET' || options.bodySize > 0) args.push('-X', options.method);
  args.push(options.url);
  for (const [name, value] of options.headers) {
    if (SKIP.has(name.toLowerCase())) continue;
    args.push('-H', `${name}: ${value}`);
  }
  if (options.bodySize > 0) {
    if (options.bodyText !== null) args.push('--data-binary', options.bodyText);
    else args.push('--data-binary', '@body.bin');
  }
  return args.map((a, i) => (i === 0 ? a : quote([a]))).join(' \\\n  ');
}
