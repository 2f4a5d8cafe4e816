import curlToJson from '@bany/curl-to-json';
import { parse as shellParse, type ParseEntry } from 'shell-quote';
import { base64ToBytes, bytesToBase64, utf8DecodeStrict, utf8Encode } from './bytes';
import { clientHeaders } from './client-headers';
import { detectContentType } from './content-type';
import { cmdWords, isCmdCommand } from './curl-cmd';
import { isPowerShellCommand, powerShellWords } from './curl-powershell';
import { droppedHeaderWarnings } from './curl-dropped-headers';
import { proxyBooleanFlags, proxyValueFlags } from './curl-proxy-flags';
import { shellExpansionWarnings } from './curl-shell-expansions';
import { ignoredTransportWarning, transportBooleanFlags, transportValueFlags } from './curl-transport-flags';
import { spacedContinuationWarning } from './spaced-continuation';

export interface CurlRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string | Uint8Array;
  /**
   * The request line's target when no URL can carry it as received (the `*` of `OPTIONS *`, a captured `#` curl would
   * cut off), sent as written with `--request-target`; `url` then names the server.
   */
  requestTarget?: string;
  /** The request was HTTP/1.0: sent as such with `--http1.0` (curl speaks 1.1 by default). */
  http10?: boolean;
}

export interface ParsedCurl {
  method: string;
  url: string;
  headers: [string, string][];
  /** The body as text (`null` when there is none; binary bodies decode lossily here, see `bodyBase64`). */
  body: string | null;
  /** The exact body bytes. */
  bodyBase64: string | null;
  /** What was read differently from how curl would run the command (each naming the option), for the user to check. */
  warnings: string[];
  /**
   * True when `-H 'Content-Type:'` switched off the type curl would send with the body: the request goes out with no
   * Content-Type (as Hookscope's own "Copy as cURL" writes a capture that had none), so none may be added for it.
   */
  noContentType?: boolean;
}

/** A cURL command we could not turn into a request; the message names the part. */
export class CurlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurlParseError';
  }
}

// ------------------------------------------------------------------------------------------------ toCurl

/**
 * Linux refuses to exec a program with one argument over 128 KiB (`Argument list too long`), so a text body larger
 * than this is piped into curl from `printf` instead of given to `--data-raw`.
 */
const inlineBodyLimit = 64 * 1024;

/**
 * Characters a terminal acts on rather than shows (ESC, BEL, the C1 controls, …), tab and line breaks aside. A command
 * is pasted into and printed to terminals, and captured values come from senders: none is written raw.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const terminalControl = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/**
 * A copy-pasteable command that makes curl send exactly this request. Text bodies go inline with `--data-raw` (sent
 * byte for byte, and a leading `@` is not a file name), or over 64 KiB piped in from `printf %s '…'`; a body that is
 * not UTF-8 (or holds NUL or another control character) is piped in as base64 so the bytes survive the clipboard. Headers curl would add of its
 * own (User-Agent, Accept, and for a body Content-Type and Expect) are switched off with `-H 'Name:'` unless the
 * request has them.
 *
 * Header values are byte strings, one char per byte, as Node gives them (and as an HTTP client sends them): one
 * whose bytes are UTF-8 is written as that text; otherwise bash's `$'…'` with `\xNN` for each byte outside
 * printable ASCII, which is the one part of the command a POSIX `sh` (dash) does not read.
 */
export function toCurl(req: CurlRequest): string {
  // curl reads [a-z] and {a,b} in a URL as ranges to expand: `contact_id=[Contact%20ID]` fails as a "bad range".
  const globOff = /[[\]{}]/.test(req.url) ? ['-g'] : [];
  // curl resolves `/./` and `/../` in a path before sending it; the request goes to the path as written.
  const pathAsIs = /\/\.\.?(?=[/?#]|$)/.test(req.url) ? ['--path-as-is'] : [];
  const bodyBytes =
    req.body === undefined ? 0 : (typeof req.body === 'string' ? utf8Encode(req.body) : req.body).byteLength;
  // `-X HEAD` sends a HEAD but then waits for the body its Content-Length announces, which never comes: curl hangs.
  // `-I` sends the same request and reads no body (curl refuses -I with data, so a HEAD with a body keeps -X).
  const method = req.method === 'HEAD' && bodyBytes === 0 ? ['-I'] : ['-X', shellWord(req.method)];
  const target = req.requestTarget === undefined ? [] : ['--request-target', shellWord(req.requestTarget)];
  const version = req.http10 ? ['--http1.0'] : [];
  const words = ['curl', ...version, ...globOff, ...pathAsIs, ...method, ...target, shellWord(req.url)];
  for (const [name, value] of req.headers) words.push('-H', headerWord(name, value));
  const has = (name: string) => req.headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
  // curl sends `Expect: 100-continue` before bodies over 1 KiB (1 MiB in newer curl); the others always.
  const curlDefaults = ['User-Agent', 'Accept', ...(bodyBytes > 0 ? ['Content-Type'] : [])];
  if (bodyBytes > 1024) curlDefaults.push('Expect');
  let prefix = '';
  let data: string[] = [];
  if (req.body !== undefined && bodyBytes > 0) {
    const decoded = typeof req.body === 'string' ? req.body : utf8DecodeStrict(req.body);
    // NUL cannot be passed in an argument; other controls go through base64 as well, so they are not written raw.
    const text = decoded !== null && !terminalControl.test(decoded) ? decoded : null;
    if (text !== null && bodyBytes <= inlineBodyLimit) {
      data = ['--data-raw', shellWord(text)];
    } else if (text !== null) {
      // printf is a shell builtin: its arguments are not passed to exec, so no per-argument limit applies.
      prefix = `printf %s ${shellWord(text)} | `;
      data = ['--data-binary', '@-'];
    } else {
      const bytes = typeof req.body === 'string' ? utf8Encode(req.body) : req.body;
      prefix = `printf %s ${shellWord(bytesToBase64(bytes))} | base64 -d | `;
      data = ['--data-binary', '@-'];
    }
  }
  // The HTTP client sends `Content-Length: 0` with an empty POST, PUT or PATCH (see `clientHeaders`), and so does a replay;
  // curl sends none for `-X POST` without data, which a server may refuse (411 Length Required).
  if (
    bodyBytes === 0 &&
    clientHeaders(req.method, req.url, [], 0).contentLength === 0 &&
    !has('Content-Length')
  )
    words.push('-H', shellWord('Content-Length: 0'));
  // `Name:` with nothing after it makes curl drop a header it would add itself.
  for (const name of curlDefaults) if (!has(name)) words.push('-H', shellWord(`${name}:`));
  return prefix + [...words, ...data].join(' ');
}

/** One `-H` argument, quoted: see `toCurl` for how the value's bytes are written. */
function headerWord(name: string, value: string): string {
  // `Name;` sends the header with an empty value (`Name:` would remove it).
  if (value === '') return shellWord(`${name};`);
  // Plain ASCII, or not a byte string at all (a char above U+00FF, which no HTTP client can send): as it is.
  if (!/[\x80-\xff]/.test(value) || /[\u0100-\uffff]/.test(value)) return shellWord(`${name}: ${value}`);
  const text = utf8DecodeStrict(Uint8Array.from(value, (c) => c.charCodeAt(0)));
  // UTF-8 for a C1 control is text too, but one the terminal would act on: written as its bytes.
  if (text !== null && !terminalControl.test(text)) return shellWord(`${name}: ${text}`);
  let quoted = "$'";
  for (const c of `${name}: ${value}`) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") quoted += `\\${c}`;
    else if (code >= 0x20 && code < 0x7f) quoted += c;
    else quoted += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return `${quoted}'`;
}

/**
 * Bare when safe, else POSIX single quotes (`'` written as `'\''`), which no shell reinterprets. Not shell-quote's
 * `quote`: for a word with a single quote it switches to double quotes and backslash escapes, and shell-quote's own
 * `parse` reads "\`" back with the backslash kept (found by the round-trip fuzz test; `tokenize` now works around
 * it for pasted commands).
 */
function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]+$/.test(word)) return word;
  if (terminalControl.test(word)) return ansiCWord(word);
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Bash's `$'…'` with each terminal control escaped (C1 as `\u00NN`, its UTF-8, as the text holds it). */
function ansiCWord(word: string): string {
  let quoted = "$'";
  for (const c of word) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === "'") quoted += `\\${c}`;
    else if (!terminalControl.test(c)) quoted += c;
    else if (code < 0x80) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${quoted}'`;
}

// ------------------------------------------------------------------------------------------------ parseCurl

type Handler = (value: string, state: WalkState) => void;

interface WalkState {
  method: string | null;
  url: string | null;
  headers: [string, string][];
  data: string[];
  /** `--url-query` pieces, encoded, appended to the URL's query. */
  query: string[];
  get: boolean;
  head: boolean;
  stdin: Uint8Array | null;
  binaryBody: Uint8Array | null;
  /** The first option that gave data (`-d`, `--data-raw`, …), named in a warning about the type curl labels it. */
  dataFlag: string | null;
  compressed: boolean;
  /**
   * Headers curl makes from options (-u, -b, -A, …): a -H of the same name replaces them, `-H 'Name:'` removes them,
   * and one left empty by its last option (`-A ''`, `-e ''`) is not sent.
   */
  generated: Set<[string, string]>;
  /** Names given with `-H 'Name:'`. */
  removed: Set<string>;
  warnings: string[];
  /** Warnings about a header an option made (`-u mary`'s empty password), kept only if that header is sent as made. */
  headerWarnings: Map<string, [string, string]>;
}

const booleanFlags = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-k',
  '--insecure',
  '-L',
  '--location',
  '--location-trusted',
  '-i',
  '--include',
  '-f',
  '--fail',
  '--fail-with-body',
  '-g',
  '--globoff',
  '--http1.0',
  '--http1.1',
  '--http2',
  '--http2-prior-knowledge',
  '--http3',
  '-N',
  '--no-buffer',
  '--no-keepalive',
  '-#',
  '--progress-bar',
  '-4',
  '--ipv4',
  '-6',
  '--ipv6',
  '-q',
  '--disable',
  '--path-as-is',
  '--raw',
  '--no-progress-meter',
  '--tcp-nodelay',
  // Basic is curl's default scheme for -u already.
  '--basic',
  // Retrying is the delivery policy's job, not the pasted command's.
  '--retry-connrefused',
  '--retry-all-errors',
  '-0',
  '-1',
  '-2',
  '-3',
  ...proxyBooleanFlags,
]);

/** Options that take a value we do not need (where the response goes, timeouts, TLS files, proxies). */
const ignoredValueFlags = new Set([
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '--cacert',
  '--capath',
  '-E',
  '--cert',
  '--key',
  '-c',
  '--cookie-jar',
  '--resolve',
  '--connect-to',
  '--max-redirs',
  '--limit-rate',
  '-D',
  '--dump-header',
  '--interface',
  '--cert-type',
  '--key-type',
  '--tls-max',
  '--ciphers',
  '--trace',
  '--trace-ascii',
  '--stderr',
  '-r',
  '--range',
  '-Y',
  '--speed-limit',
  '-y',
  '--speed-time',
  ...proxyValueFlags,
]);

const fileRef = (flag: string, value: string) =>
  new CurlParseError(
    `${flag} ${value}: reads the body from a file, which a pasted command cannot reach; paste the body inline`,
  );

function addData(flag: string, value: string, state: WalkState, allowFile: boolean) {
  state.dataFlag ??= flag;
  if (allowFile && value === '@-' && state.stdin) {
    state.binaryBody = state.stdin;
    return;
  }
  if (allowFile && value.startsWith('@')) throw fileRef(flag, value);
  state.data.push(value);
}

/** A header an option makes: given twice, the last wins, except cookies, which curl joins with `;`. */
function generate(state: WalkState, name: string, value: string) {
  const earlier = [...state.generated].find(([n]) => n === name);
  if (earlier) earlier[1] = name === 'Cookie' ? `${earlier[1]};${value}` : value;
  else {
    const header: [string, string] = [name, value];
    state.generated.add(header);
    state.headers.push(header);
  }
}

/**
 * The request's headers: those made from options go when a -H of the same name replaces or removes them (whichever
 * comes first, as in curl), or when their last option left them empty.
 */
function finalHeaders(state: WalkState): [string, string][] {
  const custom = new Set(state.headers.filter((h) => !state.generated.has(h)).map(([n]) => n.toLowerCase()));
  return state.headers.filter(
    (h) =>
      !state.generated.has(h) ||
      !(h[1] === '' || custom.has(h[0].toLowerCase()) || state.removed.has(h[0].toLowerCase())),
  );
}

function parseHeader(value: string, state: WalkState) {
  const colon = value.indexOf(':');
  if (colon < 0) {
    if (value.endsWith(';') && value.length > 1) {
      state.headers.push([value.slice(0, -1).trim(), '']);
      return;
    }
    if (value.startsWith('@')) throw fileRef('-H', value);
    throw new CurlParseError(`header "${value}": expected "Name: value"`);
  }
  const name = value.slice(0, colon).trim();
  const headerValue = value.slice(colon + 1).trim();
  if (!name || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new CurlParseError(`header "${value}": "${name}" is not a valid header name`);
  }
  // `Name:` with no value removes a default header in curl; there is nothing to send.
  if (headerValue === '') {
    state.removed.add(name.toLowerCase());
    return;
  }
  state.headers.push([name, byteString(headerValue)]);
}

/**
 * Byte `0xNN` written as `\xNN` (NN ≥ 80) inside `$'…'`, kept apart from text while shell-quote splits the words:
 * a lone low surrogate, which no pasted text holds (the way Python's surrogateescape keeps undecodable bytes).
 */
const byteMark = (byte: number) => String.fromCharCode(0xdc00 + byte);

/** The bytes curl sends for a word: text as UTF-8, each `byteMark` as its byte. */
function wordBytes(word: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(word)) return utf8Encode(word);
  const out: number[] = [];
  for (const c of word) {
    const code = c.codePointAt(0)!;
    if (code >= 0xdc80 && code <= 0xdcff) out.push(code - 0xdc00);
    else if (code < 0x80) out.push(code);
    else out.push(...utf8Encode(c));
  }
  return Uint8Array.from(out);
}

/** A header value as the request holds it: its bytes, one char per byte (what Node and undici read and write). */
const byteString = (word: string) => String.fromCharCode(...wordBytes(word));

/** What curl's --data-urlencode makes of a word's bytes: all but RFC 3986's unreserved encoded, a space as `+`. */
function percentEncode(word: string): string {
  let out = '';
  for (const byte of wordBytes(word)) {
    const c = String.fromCharCode(byte);
    if (c === ' ') out += '+';
    else out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One piece as --data-urlencode reads it (`content`, `=content`, `name=content`; `@file`, `name@file` refused). */
function urlencodePiece(v: string, fileError: () => CurlParseError): string {
  const at = v.indexOf('@');
  const eq = v.indexOf('=');
  if (at >= 0 && (eq < 0 || at < eq)) throw fileError();
  return eq < 0 ? percentEncode(v) : `${v.slice(0, eq)}${eq > 0 ? '=' : ''}${percentEncode(v.slice(eq + 1))}`;
}

const valueFlags: Record<string, Handler> = {
  '-X': (v, s) => void (s.method = v),
  '--request': (v, s) => void (s.method = v),
  '-H': parseHeader,
  '--header': parseHeader,
  '-d': (v, s) => addData('-d', v, s, true),
  '--data': (v, s) => addData('--data', v, s, true),
  '--data-ascii': (v, s) => addData('--data-ascii', v, s, true),
  '--data-binary': (v, s) => addData('--data-binary', v, s, true),
  '--data-raw': (v, s) => addData('--data-raw', v, s, false),
  '--data-urlencode': (v, s) => {
    s.dataFlag ??= '--data-urlencode';
    s.data.push(urlencodePiece(v, () => fileRef('--data-urlencode', v)));
  },
  // curl ≥ 7.87: --data-urlencode's syntax for a query piece, and `+text` adds the text as it is.
  '--url-query': (v, s) =>
    void s.query.push(
      v.startsWith('+')
        ? v.slice(1)
        : urlencodePiece(
            v,
            () =>
              new CurlParseError(
                `--url-query ${v}: reads the value from a file, which a pasted command cannot reach; paste the value inline`,
              ),
          ),
    ),
  '--json': (v, s) => {
    const before = s.data.length;
    addData('--json', v, s, true);
    // curl joins data pieces with `&`, but a --json piece is appended as it is (`{"a":1}` twice is `{"a":1}{"a":1}`).
    if (before > 0 && s.data.length > before) s.data[before - 1] += s.data.pop()!;
    generate(s, 'Content-Type', 'application/json');
    generate(s, 'Accept', 'application/json');
  },
  '-u': (v, s) => basicAuth('-u', v, s),
  '--user': (v, s) => basicAuth('--user', v, s),
  '--oauth2-bearer': (v, s) => generate(s, 'Authorization', `Bearer ${byteString(v)}`),
  '-A': (v, s) => generate(s, 'User-Agent', byteString(v)),
  '--user-agent': (v, s) => valueFlags['-A']?.(v, s),
  '-e': (v, s) => generate(s, 'Referer', byteString(v)),
  '--referer': (v, s) => generate(s, 'Referer', byteString(v)),
  '-b': (v, s) => {
    if (!v.includes('='))
      throw new CurlParseError(`-b ${v}: reads cookies from a file; paste them as "name=value"`);
    generate(s, 'Cookie', byteString(v));
  },
  '--cookie': (v, s) => valueFlags['-b']?.(v, s),
  '--url': (v, s) => setUrl(v, s),
};

const unsupported: Record<string, string> = {
  '-F': 'option -F: multipart form fields (-F) are not supported; send the body as form-encoded (-d) or JSON',
  '--form':
    'option --form: multipart form fields (--form) are not supported; send the body as form-encoded (-d) or JSON',
  '--form-string': 'option --form-string: multipart form fields (--form-string) are not supported',
  '-T': 'option -T: uploading a file (-T) cannot be pasted; paste the body inline with --data-binary',
  '--upload-file':
    'option --upload-file: uploading a file (--upload-file) cannot be pasted; paste the body inline with --data-binary',
  '-K': 'option -K: a curl config file (-K) cannot be read from a pasted command',
  '--config': 'option --config: a curl config file (--config) cannot be read from a pasted command',
  '--request-target':
    'option --request-target: a request target apart from the URL (such as the * of OPTIONS *) cannot be sent from here; requests go to the URL’s path',
  ...authScheme('--digest', 'Digest'),
  ...authScheme('--ntlm', 'NTLM'),
  ...authScheme('--negotiate', 'Negotiate (SPNEGO/Kerberos)'),
  ...authScheme('--anyauth', 'negotiated (curl picks whichever the server offers)'),
};

function authScheme(flag: string, scheme: string): Record<string, string> {
  return {
    [flag]: `option ${flag}: the ${scheme} auth scheme is not supported; only Basic (-u without ${flag}) or a header (-H 'Authorization: …') can be sent`,
  };
}

/** curl asks for the password of a user given without one; a pasted command cannot, so it goes empty, as `user:`. */
function basicAuth(flag: string, value: string, state: WalkState) {
  const header = `Basic ${bytesToBase64(wordBytes(value.includes(':') ? value : `${value}:`))}`;
  if (!value.includes(':')) {
    const warning = `${flag} ${value}: curl would ask for this user’s password; sent with an empty one (write ${flag} '${value}:password' to give it)`;
    state.warnings.push(warning);
    state.headerWarnings.set(warning, ['Authorization', header]);
  }
  generate(state, 'Authorization', header);
}

/** The warnings, less those about a header an option made that a later option or a -H replaced or removed. */
function finalWarnings(state: WalkState, headers: [string, string][]): string[] {
  return state.warnings.filter((warning) => {
    const about = state.headerWarnings.get(warning);
    return !about || headers.some((h) => state.generated.has(h) && h[0] === about[0] && h[1] === about[1]);
  });
}

function setUrl(value: string, state: WalkState) {
  // Windows cmd quoting (^") where the first argument did not show it (see isCmdCommand): read as bash, a URL begins
  // with ^.
  if (value.startsWith('^'))
    throw new CurlParseError(
      'command: mixes Windows cmd quoting (^") into a bash command; copy it again as "cURL (cmd)" or "cURL (bash)"',
    );
  if (state.url !== null)
    throw new CurlParseError(`URL: found a second URL "${value}" (one request per command)`);
  state.url = value;
}

type Token = ParseEntry;
/** The quoting a scan is inside: single, double, or bash's ANSI-C `$'…'`. */
type Quote = "'" | '"' | "$'" | null;

/**
 * Check the quoting (shell-quote accepts an unclosed quote silently; a command cut short should say so) and note
 * where a double-quoted string holds "\`": bash reads that as a backtick, shell-quote keeps the backslash.
 */
function scanQuotes(command: string): number[] {
  const escapedBackticks: number[] = [];
  let quote: Quote = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote === "$'") {
      if (c === '\\') i++;
      else if (c === "'") quote = null;
    } else if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '$' && command[i + 1] === "'" && quote === null) {
      quote = "$'";
      i++;
    } else if (c === '\\') {
      if (quote === '"' && command[i + 1] === '`') escapedBackticks.push(i);
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(command[i - 1] ?? ''))) break;
  }
  if (quote)
    throw new CurlParseError(
      `command: a ${quote === "$'" ? "$'…'" : quote} quote is never closed (was the command cut short?)`,
    );
  return escapedBackticks;
}

/**
 * Backslash-newline continues a line, as a shell reads it: a word break outside quotes, nothing inside double quotes,
 * and two literal characters inside single quotes (where `toCurl` may have written them as part of a body).
 */
function joinContinuations(command: string, warnings: string[] = []): string {
  let out = '';
  let quote: Quote = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "$'") {
      // ANSI-C quoting (browsers' "Copy as cURL (bash)"): a backslash escapes the next character, `\'` included.
      const hex = c === '\\' ? /^x([0-9a-fA-F]{2})/.exec(command.slice(i + 1, i + 4)) : null;
      if (hex && parseInt(hex[1]!, 16) >= 0x80) {
        out += byteMark(parseInt(hex[1]!, 16));
        i += 3;
        continue;
      }
      if (c === '\\') {
        out += c + (command[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === "'") quote = null;
      out += c;
      continue;
    }
    if (c === '$' && command[i + 1] === "'" && quote === null) {
      quote = "$'";
      out += "$'";
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = null;
      out += c;
      continue;
    }
    if (c === '\\') {
      const newline =
        command[i + 1] === '\n' ? 1 : command[i + 1] === '\r' && command[i + 2] === '\n' ? 2 : 0;
      // Spaces after the backslash (copied from a web page or chat) make it escape a space, not the line break: a shell
      // would pass a lone space to curl as a second URL. The line break was surely meant to be continued.
      const spaces =
        quote === null && newline === 0 ? (/^[ \t]+(?=\r?\n)/.exec(command.slice(i + 1))?.[0] ?? '') : '';
      if (spaces !== '') {
        if (warnings.length === 0) warnings.push(spacedContinuationWarning('a backslash'));
        out += ' ';
        i += spaces.length + (command[i + spaces.length + 1] === '\r' ? 2 : 1);
      } else if (newline > 0) {
        out += quote === '"' ? '' : ' ';
        i += newline;
      } else {
        out += c + (command[i + 1] ?? '');
        i++;
      }
      continue;
    }
    if (quote === '"' ? c === '"' : c === "'" || c === '"') quote = quote ? null : (c as "'" | '"');
    out += c;
  }
  return out;
}

/** Stands in for an escaped backtick while shell-quote splits the words (a private-use character). */
const backtickMark = '\uE000';
/**
 * Stands in for the `$` of `${…}` while shell-quote splits the words: it hands the variable callback only the name,
 * so `${TOKEN}` would come back as `$TOKEN` (a private-use character).
 */
const braceDollarMark = '\uE001';

function tokenize(command: string, warnings: string[]): Token[] {
  let joined = joinContinuations(command, warnings).replace(/^\s*\$\s+/, '');
  const escapedBackticks = scanQuotes(joined);
  const marked = escapedBackticks.length > 0 && !joined.includes(backtickMark);
  if (marked) {
    for (const at of escapedBackticks.reverse())
      joined = `${joined.slice(0, at)}${backtickMark}${joined.slice(at + 2)}`;
  }
  const bracesMarked = !joined.includes(braceDollarMark);
  // An escaped `\${` is left to shell-quote, which drops the backslash as a shell does.
  if (bracesMarked) joined = joined.replace(/(?<!\\)((?:\\\\)*)\$\{/g, `$1${braceDollarMark}{`);
  let tokens: Token[];
  try {
    // Keep `$VAR` literally: a pasted command's variables are not ours to expand.
    tokens = shellParse(joined, (name) => `$${name}`) as ParseEntry[];
  } catch (error) {
    throw new CurlParseError(`command: cannot split into words (${(error as Error).message})`);
  }
  if (marked) tokens = tokens.map((t) => unmark(t, backtickMark, '`'));
  return bracesMarked ? tokens.map((t) => unmark(t, braceDollarMark, '$')) : tokens;
}

function unmark(token: Token, mark: string, text: string): Token {
  if (typeof token === 'string') return token.replaceAll(mark, text);
  if ('op' in token && token.op === 'glob')
    return { ...token, pattern: token.pattern.replaceAll(mark, text) };
  return token;
}

const opText = (token: Token) =>
  typeof token === 'string' ? token : 'op' in token ? (token.op === 'glob' ? token.pattern : token.op) : '#';

/**
 * Accept `printf %s '<base64>' | base64 -d | curl …` and `printf %s '<text>' | curl …` (what `toCurl` emits for
 * binary and large text bodies).
 */
function splitStdin(tokens: Token[]): { stdin: Uint8Array | null; rest: Token[] } {
  const pipe = tokens.findIndex((t) => typeof t === 'object' && 'op' in t && t.op === '|');
  const words = tokens.map(opText);
  if (
    pipe === 3 &&
    words[0] === 'printf' &&
    words[1] === '%s' &&
    typeof tokens[2] === 'string' &&
    words[4] !== 'base64'
  )
    return { stdin: wordBytes(tokens[2]), rest: tokens.slice(4) };
  if (
    pipe === 3 &&
    words[0] === 'printf' &&
    words[1] === '%s' &&
    words[4] === 'base64' &&
    (words[5] === '-d' || words[5] === '--decode') &&
    words[6] === '|'
  ) {
    try {
      return { stdin: base64ToBytes(words[2] ?? ''), rest: tokens.slice(7) };
    } catch (error) {
      throw new CurlParseError(`piped body: ${(error as Error).message}`);
    }
  }
  return { stdin: null, rest: tokens };
}

/** The words of a command written for Windows (cmd or PowerShell), and warnings about what its shell would expand. */
function windowsWords(command: string): { stdin: null; rest: Token[]; warnings: string[] } {
  if (isPowerShellCommand(command)) {
    const read = powerShellWords(command);
    if (typeof read === 'string') throw new CurlParseError(read);
    return { stdin: null, rest: read.words, warnings: read.warnings };
  }
  const read = cmdWords(command);
  if (typeof read === 'string') throw new CurlParseError(read);
  // cmd.exe expands %NAME%, not $NAME.
  return { stdin: null, rest: read.words, warnings: read.warnings };
}

/** Turn a pasted cURL command into a request: the exact body bytes and every header in order. */
export function parseCurl(command: string): ParsedCurl {
  if (typeof command !== 'string' || command.trim() === '')
    throw new CurlParseError('command: empty; paste a curl command');
  const windows = isPowerShellCommand(command) || isCmdCommand(command) ? windowsWords(command) : null;
  const readWarnings: string[] = [];
  const { stdin, rest } = windows ?? splitStdin(tokenize(command, readWarnings));
  const expansionWarnings = windows?.warnings ?? shellExpansionWarnings(joinContinuations(command));
  const words: string[] = [];
  for (const token of rest) {
    if (typeof token === 'string') words.push(token);
    else if ('comment' in token) break;
    else if (token.op === 'glob') words.push(token.pattern);
    else
      throw new CurlParseError(
        `command: shell syntax "${token.op}" is not part of a curl command; paste one curl command`,
      );
  }
  const [program, ...args] = words;
  if (program === undefined || !/(^|[/\\])curl(\.exe)?$/.test(program)) {
    throw new CurlParseError(`command: must start with "curl" (found "${(program ?? '').slice(0, 40)}")`);
  }
  const state: WalkState = {
    method: null,
    url: null,
    headers: [],
    data: [],
    query: [],
    get: false,
    head: false,
    stdin,
    binaryBody: null,
    dataFlag: null,
    compressed: false,
    generated: new Set(),
    removed: new Set(),
    warnings: [],
    headerWarnings: new Map(),
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = () => {
      const value = args[++i];
      if (value === undefined) throw new CurlParseError(`option ${arg}: missing its value`);
      return value;
    };
    if (arg === '-G' || arg === '--get') state.get = true;
    else if (arg === '-I' || arg === '--head') state.head = true;
    else if (arg === '--compressed') state.compressed = true;
    else if (booleanFlags.has(arg)) continue;
    else if (transportBooleanFlags.includes(arg)) state.warnings.push(ignoredTransportWarning(arg));
    else if (transportValueFlags.includes(arg)) {
      next();
      state.warnings.push(ignoredTransportWarning(arg));
    } else if (Object.hasOwn(unsupported, arg)) throw new CurlParseError(unsupported[arg] as string);
    else if (Object.hasOwn(valueFlags, arg)) valueFlags[arg]?.(next(), state);
    else if (ignoredValueFlags.has(arg)) next();
    else if (/^-[A-Za-z]/.test(arg) && arg.length > 2 && !arg.startsWith('--')) {
      // Short options run together (`-sSL`, `-sX POST`, `-XPOST`): the first that takes a value takes the rest of
      // the word, or the next word when nothing is left.
      for (let j = 1; j < arg.length; j++) {
        const flag = `-${arg[j]}`;
        const rest = arg.slice(j + 1);
        if (flag === '-G') state.get = true;
        else if (flag === '-I') state.head = true;
        else if (booleanFlags.has(flag)) continue;
        else if (Object.hasOwn(valueFlags, flag)) {
          valueFlags[flag]?.(rest || next(), state);
          break;
        } else if (ignoredValueFlags.has(flag)) {
          if (!rest) next();
          break;
        } else throw new CurlParseError(`option ${arg}: not a curl option this parser understands`);
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CurlParseError(`option ${arg}: not a curl option this parser understands`);
    } else setUrl(arg, state);
  }
  if (state.url === null) throw new CurlParseError('URL: none found in the curl command');
  // curl exits 2 ("You can only select one HTTP request method!") rather than send a HEAD with a body.
  if (state.head && !state.get && (state.data.length > 0 || state.binaryBody !== null))
    throw new CurlParseError(
      '-I: asks for a HEAD request while the data (-d, --data…, --json) asks for a POST, which curl refuses; drop -I, or add -G to send the data in the query',
    );
  // What curl itself sends for --compressed (built with zlib, brotli and zstd), unless the command sets its own.
  if (state.compressed && !state.headers.some(([n]) => n.toLowerCase() === 'accept-encoding'))
    state.headers.push(['Accept-Encoding', 'deflate, gzip, br, zstd']);
  const url = withScheme(state.url);
  let body: Uint8Array | null = state.binaryBody;
  let finalUrl = url;
  if (state.data.length > 0) {
    const joined = state.data.join('&');
    // curl puts -d data into the URL as typed and refuses a URL with a space or control character (exit 3).
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const unsendable = /[\x00-\x20\x7f]/.exec(joined);
    if (state.get && unsendable)
      throw new CurlParseError(
        `-G: the data "${joined}" goes into the URL as typed, and curl refuses a URL with ${unsendable[0] === ' ' ? 'a space' : 'a control character'}; write it percent-encoded or give it with --data-urlencode`,
      );
    if (state.get) finalUrl = withQuery(url, joined);
    else body = wordBytes(joined);
  }
  // As curl does, after any -G data.
  if (state.query.length > 0) finalUrl = withQuery(finalUrl, state.query.join('&'));
  if (body !== null) defaultContentType(state, body);
  const inferred = inferMethod(finalUrl, body !== null);
  // curl sends -X's word exactly as typed (`-X post` puts "post" on the wire), so its case is kept.
  const method = state.method ?? (state.head ? 'HEAD' : state.get ? 'GET' : inferred.toUpperCase());
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method))
    throw new CurlParseError(`method "${method}": not a valid HTTP method`);
  const headers = finalHeaders(state);
  const noContentType =
    body !== null &&
    body.byteLength > 0 &&
    state.removed.has('content-type') &&
    !headers.some(([name]) => name.toLowerCase() === 'content-type');
  return {
    method,
    url: finalUrl,
    headers,
    body: body === null ? null : (utf8DecodeStrict(body) ?? new TextDecoder().decode(body)),
    bodyBase64: body === null ? null : bytesToBase64(body),
    warnings: [
      ...readWarnings,
      ...finalWarnings(state, headers),
      ...droppedHeaderWarnings(headers),
      ...expansionWarnings,
    ],
    ...(noContentType ? { noContentType: true } : {}),
  };
}

/** What curl labels a body it sends from -d, --data-raw, --data-binary, --data-urlencode or --data-ascii. */
const curlDataType = 'application/x-www-form-urlencoded';

/**
 * curl sends a body with `Content-Type: application/x-www-form-urlencoded` unless the command gives its own (a -H, or
 * --json's) or removes it with `-H 'Content-Type:'`. A JSON or XML body so labelled is most likely a mistake in the
 * command: it is sent as curl would, with a warning.
 */
function defaultContentType(state: WalkState, body: Uint8Array) {
  if ([...state.generated].some(([name]) => name === 'Content-Type')) return;
  const text = utf8DecodeStrict(body);
  const looksLike = text === null ? null : detectContentType(text);
  if (looksLike === 'application/json' || looksLike === 'application/xml') {
    const flag = state.dataFlag ?? '--data-binary';
    const warning = `${flag}: curl labels this body ${curlDataType} (its default for ${flag}), though it reads as ${looksLike === 'application/json' ? 'JSON' : 'XML'}; it is sent so, as curl would send it — change the Content-Type header to ${looksLike} if the receiver expects that`;
    state.warnings.push(warning);
    state.headerWarnings.set(warning, ['Content-Type', curlDataType]);
  }
  generate(state, 'Content-Type', curlDataType);
}

/**
 * -G's data appended to the URL's query: before a `#fragment`, which curl never sends (data after it would be lost).
 * As in curl, an empty query (a bare `?`) takes the data without a `&`, and no query and no data leave no `?`.
 */
function withQuery(url: string, data: string): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const mark = base.indexOf('?');
  const [path, query] = mark < 0 ? [base, ''] : [base.slice(0, mark), base.slice(mark + 1)];
  const joined = query === '' ? data : `${query}&${data}`;
  return `${path}${joined === '' ? '' : `?${joined}`}${fragment}`;
}

/** curl assumes http:// when the URL has no scheme. */
function withScheme(url: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url) ? url : `http://${url}`;
}

/**
 * The default method and URL check, from @bany/curl-to-json over a normalised command. Its own output is lossy
 * (bodies JSON-parsed, duplicate headers merged, query strings re-split), so exact values come from our tokens.
 */
function inferMethod(url: string, hasBody: boolean): string {
  let result: ReturnType<typeof curlToJson>;
  try {
    const argv = ['curl', url, ...(hasBody ? ['--data-raw', 'x'] : [])];
    result = (curlToJson as unknown as (argv: string[]) => ReturnType<typeof curlToJson>)(argv);
  } catch (error) {
    throw new CurlParseError(`URL "${url}": not a valid URL (${(error as Error).message})`);
  }
  if (!result.url) throw new CurlParseError(`URL "${url}": not a valid URL`);
  return String(result.method ?? (hasBody ? 'POST' : 'GET'));
}
