import { findMergeFieldSpans } from '../merge-field-label';

export interface Placeholder {
  kind: 'merge' | 'env';
  name: string;
  /** Offsets into the template: `template.slice(start, end)` is the whole placeholder. */
  start: number;
  end: number;
}

/**
 * How resolved values are escaped for the place they land in: the body mode, a URL component (`url`), or a whole URL
 * (`whole-url`: values before the path — a base URL, host or port — go in as they are, later ones as `url`).
 */
export type Escape = 'none' | 'json' | 'form' | 'xml' | 'url' | 'whole-url';

/** The longest `{{name}}` read as a variable (`envRe`'s 1 + 63): a longer one stays in the text as typed. */
export const ENV_NAME_MAX_LENGTH = 64;
const envRe = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;

export function findPlaceholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(envRe)) {
    found.push({ kind: 'env', name: match[1] ?? '', start: match.index, end: match.index + match[0].length });
  }
  for (const span of findMergeFieldSpans(template)) found.push({ kind: 'merge', ...span });
  return found.sort((a, b) => a.start - b.start);
}

/** `First Name`, `first_name`, `firstname`, `data[firstname]`, `data.firstname` → comparable forms. */
const squash = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');
const canonicalPath = (key: string) => key.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
const leaf = (key: string) => {
  const path = canonicalPath(key);
  return path.slice(path.lastIndexOf('.') + 1);
};

/** Ontraport merge-field labels whose contact field name differs from the squashed label. */
const ontraportAliases: Record<string, string> = {
  contactid: 'id',
  zipcode: 'zip',
  postalcode: 'zip',
  state: 'state',
  ipaddress: 'ip_addy',
  tags: 'contact_cat',
  dateadded: 'date',
  lastactivity: 'dla',
  datemodified: 'dlm',
};
/** Own entries only: a record key or merge field named `constructor` must not read Object.prototype's. */
const aliasOf = (squashed: string) =>
  Object.hasOwn(ontraportAliases, squashed) ? ontraportAliases[squashed] : undefined;

/**
 * Find a record value for a placeholder name: exact key, then the same key ignoring case, spaces, `_` and `-`
 * (so `[First Name]` finds `firstname` and `first_name`), then a bracket/dotted path (`data[firstname]`), then
 * the path's last segment when only one key ends that way, then Ontraport label aliases (`[Contact ID]` → `id`),
 * and last the same aliases read the other way: a field name finds the record's label for it (`id` finds a
 * `Contact ID` or `contact_id` key, `zip` a `Zip Code` one), whole keys only.
 */
export function lookupField(record: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return record[name];
  const keys = Object.keys(record);
  const wanted = squash(canonicalPath(name));
  const candidates = [wanted, aliasOf(wanted)].filter((k): k is string => Boolean(k));
  for (const target of candidates) {
    const byKey = keys.find((key) => squash(key) === target || squash(canonicalPath(key)) === target);
    if (byKey !== undefined) return record[byKey];
    const byLeaf = keys.filter((key) => squash(leaf(key)) === target);
    if (byLeaf.length === 1) return record[byLeaf[0] as string];
  }
  const byLabel = keys.find((key) => {
    const alias = aliasOf(squash(key)) ?? aliasOf(squash(canonicalPath(key)));
    return alias !== undefined && squash(alias) === wanted;
  });
  return byLabel === undefined ? undefined : record[byLabel];
}

const xmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * A lone UTF-16 surrogate (from a JSON `"\ud800"` row value) as U+FFFD, the bytes UTF-8 text gets for it anyway:
 * `encodeURIComponent` throws on one.
 */
export const wellFormed = (value: string) =>
  value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export function escapeValue(value: string, escape: Escape): string {
  switch (escape) {
    case 'none':
      return value;
    case 'json':
      return JSON.stringify(value).slice(1, -1);
    case 'form':
      return encodeURIComponent(wellFormed(value)).replace(/%20/g, '+');
    case 'url':
    case 'whole-url':
      return encodeURIComponent(wellFormed(value));
    case 'xml':
      return value.replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
    default: {
      const never: never = escape;
      return never;
    }
  }
}

/**
 * True while a URL built so far has not reached its path: a value placed there is the scheme, host or a whole base
 * URL (`{{baseUrl}}/hook`), which percent-encoding would break. Leading whitespace is not the URL (it is trimmed
 * before sending), so ` {{baseUrl}}/hook` pasted with a space is still a base URL.
 */
function beforeUrlPath(soFar: string): boolean {
  const url = soFar.trimStart();
  return url === '' || /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?$/.test(url);
}

/**
 * True when a value lands in a URL's `user:password@` part: it is encoded there, or an `@`, `/` or `#` in a password
 * would end the credentials early and send them, and the request, to another host.
 */
function inUserinfo(soFar: string, rest: string): boolean {
  return /:\/\/[^/?#@]*$/.test(soFar) && /^[^/?#]*@/.test(rest);
}

/** Whether a JSON text is inside a string after `segment`, given whether it was before it. */
function jsonStringAfter(segment: string, inString: boolean): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

const jsonScalar = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/**
 * A value placed outside a JSON string (`{"n": [N]}`): a number, `true`, `false` or `null` goes in typed, an empty
 * value (a JSON row's null, an empty CSV cell) as `null`, and any other text as a quoted string, so the body stays JSON.
 */
function bareJsonValue(value: string): string {
  if (value === '') return 'null';
  return jsonScalar.test(value) ? value : JSON.stringify(value);
}

/** True when `at` in an XML template is inside a `<![CDATA[ … ]]>` section. */
function insideCdata(template: string, at: number): boolean {
  const open = template.lastIndexOf('<![CDATA[', at);
  if (open < 0) return false;
  const close = template.indexOf(']]>', open);
  return close < 0 || close >= at;
}

export interface ResolveOptions {
  /**
   * Escape each substituted value for its context (default `none`: values go in verbatim, as Ontraport does).
   */
  escape?: Escape;
}

/**
 * Replace merge fields from `record` and `{{name}}` from `env` (falling back to `record`, so data-file columns
 * work either way). Unresolved placeholders stay in the text verbatim and are listed once each.
 */
export function resolveTemplate(
  template: string,
  record: Record<string, string>,
  env: Record<string, string> = {},
  options: ResolveOptions = {},
): { text: string; unresolved: string[] } {
  const escape = options.escape ?? 'none';
  const unresolved = new Set<string>();
  let text = '';
  let cursor = 0;
  let inJsonString = false;
  for (const placeholder of findPlaceholders(template)) {
    text += template.slice(cursor, placeholder.start);
    if (escape === 'json')
      inJsonString = jsonStringAfter(template.slice(cursor, placeholder.start), inJsonString);
    const value =
      placeholder.kind === 'env'
        ? Object.hasOwn(env, placeholder.name)
          ? env[placeholder.name]
          : lookupField(record, placeholder.name)
        : lookupField(record, placeholder.name);
    if (value === undefined) {
      unresolved.add(placeholder.kind === 'env' ? `{{${placeholder.name}}}` : `[${placeholder.name}]`);
      text += template.slice(placeholder.start, placeholder.end);
    } else if (escape === 'json' && !inJsonString) {
      text += bareJsonValue(value);
    } else if (escape === 'xml' && insideCdata(template, placeholder.start)) {
      // Entities are not read in CDATA (`&lt;` would arrive as those four characters): only `]]>` would end it early.
      text += value.replaceAll(']]>', ']]]]><![CDATA[>');
    } else if (escape === 'whole-url' && inUserinfo(text, template.slice(placeholder.end))) {
      // A colon stays: `{{credentials}}@host` with `user:password` is both parts.
      text += escapeValue(value, 'url').replace(/%3A/g, ':');
    } else {
      text += escapeValue(value, escape === 'whole-url' && beforeUrlPath(text) ? 'none' : escape);
    }
    cursor = placeholder.end;
  }
  text += template.slice(cursor);
  return { text, unresolved: [...unresolved] };
}

export { recordsFromFile, recordFromPayload, flattenObject, type RowError } from './records';

export interface PlaceholderStatus extends Placeholder {
  /** The value it resolves to, or `undefined` when unresolved. */
  value: string | undefined;
}

/** Every placeholder with the value it would get: what the composer highlights. */
export function describePlaceholders(
  template: string,
  record: Record<string, string>,
  env: Record<string, string> = {},
): PlaceholderStatus[] {
  return findPlaceholders(template).map((p) => ({
    ...p,
    value: p.kind === 'env' && Object.hasOwn(env, p.name) ? env[p.name] : lookupField(record, p.name),
  }));
}
