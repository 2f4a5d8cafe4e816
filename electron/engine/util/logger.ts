import { secretName } from './secret-names';

/** Structured logs. Secrets are redacted by key name; captured payloads never go to logs. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const secretKeyPattern =
  /authorization|api[-_]?key|secret|password|passwd|token|cookie|signature|hmac|credential/i;
/** The log blanks at least what an export does (`access_key`, `X-Webhook-Key`, `wpf_pass`, `jwt`…), and cookies. */
const secretKey = { test: (name: string) => secretKeyPattern.test(name) || secretName.test(name) };

const credentialScheme = /\b(Bearer|Basic|Digest|Token)\s+[^\s,;"']+/gi;
// Not `scheme://…`: a URL's scheme is no field name, and its value would swallow the URL.
// The name may be quoted and so may the value (`'x-api-key': 'x'`, as util.inspect writes an object); a bare value
// starts at its first character and runs past a comma with no space after it (`Stripe-Signature: t=1,v1=…`,
// `webhook-signature: v1,…`), as lists in messages are joined with `, `. After `=` (a query, a form, logfmt) a bare
// value ends at whitespace, as `token=abc status=401` means; after `:` (a header) it runs to the end of the line.
// A form field's name may be bracketed or dotted (`user[pass]=…`, `data[key]: …`): judged by its last part.
const namedValue =
  /\b([A-Za-z0-9_-]+(?:\[[A-Za-z0-9_.-]*\]|\.[A-Za-z0-9_-]+)*)(['"]?\s*[:=]\s*)(?!\/\/)("[^"\r\n]*"?|'[^'\r\n]*'?|(?<==\s*)[^\s,;"'&](?:[^\s,;"'&]|,(?=[^\s,]))*|[^\s,;"'&](?:[^,;\r\n"'&]|,(?=[^\s,]))*)/g;
/**
 * A header written as its name, a space and its value (`X-Api-Key K12`, a header dump without colons). Only hyphenated
 * names, which prose does not use as words; `Authorization` and `Cookie` start sentences.
 */
const spacedHeader =
  /(^|[,;([{]|\s)([ \t]*)\b([A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)([ \t]+)([^\s,;:=()[\]{}"'](?:[^\s,;()[\]{}"']|,(?=[^\s,]))*)/gm;
/**
 * Words of the prose around a header name, in any case ("Stripe-Signature Header missing", "X-Api-Key Is Required"):
 * never read as its value, as no credential is one of them.
 */
const proseWords = new Set(
  (
    'header headers value values key is are was were be been not no missing invalid required empty expected present ' +
    'absent set unset wrong bad malformed mismatch mismatched failed rejected refused denied ok and or but the a an ' +
    'to for from in on of with without by has have had does did must should will found given sent received'
  ).split(' '),
);
/** What ends a header in a list or dump: the end of a line, or a separator. */
const endOfHeader = /^[ \t]*(?:$|[\r\n,;)\]}])/;
const quotedKey = /"([^"\\]*)"\s*:\s*/g;
const scalarValue = /[^,}\]\s]*/y;
/** A `[name, value]` header pair written as JSON or by util.inspect: `["X-Api-Key","k"]`, `[ 'cookie', 'c' ]`. */
const quotedPair = /(\[\s*)(["'])((?:(?!\2)[^\\\r\n])*)\2(\s*,\s*)(["'])((?:(?!\5)[^\\\r\n]|\\.)*)\5/g;
const url = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]+/g;
const userInfo = /^([^:/]+:\/\/[^/?#@:]*):[^/?#@]*@/;
const queryParam = /([?&;])([^=&;#]+)=([^&;#]*)/g;

/** A query parameter's name as a server reads it (`api%5Fkey` is `api_key`); as written when it is no valid escape. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** A URL's password and its secret-named query parameters. */
function redactUrl(text: string): string {
  const [beforeFragment, ...fragment] = text.split('#');
  const [head, ...query] = beforeFragment!.replace(userInfo, '$1:[redacted]@').split('?');
  const params = query.length
    ? `?${query.join('?')}`.replace(queryParam, (all, lead: string, name: string) =>
        secretKey.test(decodedName(name)) ? `${lead}${name}=[redacted]` : all,
      )
    : '';
  return [head + params, ...fragment].join('#');
}

/** Where the JSON value starting at `start` ends: past its closing quote or bracket, or at the end of a cut-off text. */
function endOfJsonValue(text: string, start: number): number {
  const first = text[start];
  if (first !== '"' && first !== '{' && first !== '[') {
    scalarValue.lastIndex = start;
    return start + scalarValue.exec(text)![0].length;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length;
}

/** `"secretName": value` with the whole value blanked, an object or array included, so quoted JSON stays JSON. */
function redactQuotedValues(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  quotedKey.lastIndex = 0;
  for (let match = quotedKey.exec(text); match; match = quotedKey.exec(text)) {
    if (!secretKey.test(match[1]!)) continue;
    const valueStart = match.index + match[0].length;
    const valueEnd = endOfJsonValue(text, valueStart);
    out += `${text.slice(copiedUpTo, valueStart)}"[redacted]"`;
    copiedUpTo = valueEnd;
    quotedKey.lastIndex = valueEnd;
  }
  return out + text.slice(copiedUpTo);
}

/**
 * Text can carry credentials too (an error quoting the headers or JSON it choked on, a URL it failed to reach): blank
 * `secret-name: value`, `"secretName": value`, URL passwords and secret query parameters, and auth schemes.
 */
export function redactText(text: string): string {
  const pairs = text.replace(
    quotedPair,
    (all, open: string, q: string, name: string, comma: string, vq: string) =>
      secretKey.test(name) ? `${open}${q}${name}${q}${comma}${vq}[redacted]${vq}` : all,
  );
  return redactNamedValues(redactQuotedValues(pairs.replace(url, redactUrl)))
    .replace(spacedHeader, redactSpacedHeader)
    .replace(credentialScheme, (_all, scheme: string) => `${scheme} [redacted]`);
}

/**
 * `secret-name: value` and `secret_name=value` blanked. The value of a name that is no secret is not skipped over: in
 * `refused: token=abc` the pair after `refused:` is read too.
 */
function redactNamedValues(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  namedValue.lastIndex = 0;
  for (let match = namedValue.exec(text); match; match = namedValue.exec(text)) {
    const [all, name, sep, value] = match as unknown as [string, string, string, string];
    if (!secretKey.test(name)) {
      namedValue.lastIndex = match.index + name.length + sep.length;
      continue;
    }
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    out += `${text.slice(copiedUpTo, match.index)}${name}${sep}${quote}[redacted]${quote}`;
    copiedUpTo = match.index + all.length;
  }
  return out + text.slice(copiedUpTo);
}

/**
 * `X-Api-Key K12`: blanked when the value is no plain lower-case word (`header` in "the X-Api-Key header is missing"),
 * or when it alone follows the name where a header starts and ends (a line of a dump, an item of a list); never when
 * it is a word of prose in any case (`Header` in "Stripe-Signature Header missing").
 */
function redactSpacedHeader(
  all: string,
  lead: string,
  space: string,
  name: string,
  gap: string,
  value: string,
  at: number,
  text: string,
): string {
  if (!secretKey.test(name) || value === '[redacted]') return all;
  const headerStart = lead !== ' ' && lead !== '\t' && (lead !== '' || at === 0 || text[at - 1] === '\n');
  const wholeHeader = headerStart && endOfHeader.test(text.slice(at + all.length));
  if (proseWords.has(value.toLowerCase())) return all;
  if (/^[a-z]+$/.test(value) && !wholeHeader) return all;
  return `${lead}${space}${name}${gap}[redacted]`;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    // A header pair list: [name, value]
    if (value.length === 2 && typeof value[0] === 'string' && secretKey.test(value[0]))
      return [value[0], '[redacted]'];
    return value.map(redactValue);
  }
  if (value && typeof value === 'object') return redactFields(value as Record<string, unknown>);
  return value;
}

export function redactFields(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = secretKey.test(key) ? '[redacted]' : redactValue(value);
  return out;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    write(
      JSON.stringify({
        t: new Date().toISOString(),
        level,
        message: redactText(message),
        ...redactFields(fields),
      }),
    );
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
