import { orttoNamespace, orttoPrefix } from './dictionary/ortto';

export interface FieldIdParts {
  type: string;
  namespace: string;
  name: string;
}

// type:namespace:name — the namespace is empty for Ortto's built-ins (`str::first`).
const ID = /^([a-z][a-z0-9]{1,11}):([a-z][a-z0-9_]{0,15})?:([A-Za-z0-9][A-Za-z0-9_.!-]{0,127})$/;

/** Parse an Ortto field ID, or null when the text does not follow the grammar. */
export function parseFieldId(id: string): FieldIdParts | null {
  if (id.length > 160) return null;
  const m = ID.exec(id);
  if (!m) return null;
  return { type: m[1]!, namespace: m[2] ?? '', name: m[3]! };
}

/** True for IDs of a known Ortto type prefix (used to decide a payload is Ortto-shaped). */
export function isOrttoFieldId(id: string): boolean {
  const parts = parseFieldId(id);
  return parts !== null && orttoPrefix(parts.type) !== undefined;
}

const TYPE_NOUN: Record<string, string> = {
  str: 'text',
  txt: 'long text',
  int: 'number',
  bol: 'yes/no',
  dtz: 'date',
  tme: 'date-time',
  phn: 'phone',
  geo: 'location',
  idt: 'ID',
  ids: 'ID set',
  u4s: 'number set',
  sst: 'text set',
  stl: 'text list',
  obj: 'object',
  strc: 'text',
  proximity: 'proximity',
};

const NAMESPACE_ADJECTIVE: Record<string, string> = {
  '': '',
  cm: 'custom',
  o: 'account',
  oc: 'custom account',
  sf: 'Salesforce',
  sh: 'Shopify',
  st: 'Stripe',
  cb: 'Chargebee',
  zd: 'Zendesk',
  hs: 'HubSpot',
  ghl: 'GoHighLevel',
  itbl: 'Iterable',
  klaviyo: 'Klaviyo',
  pipedrive: 'Pipedrive',
  a2: 'integration a2',
};

/** `job-title` → `Job title`. */
export function humanise(name: string): string {
  const words = name
    .replace(/[!].*$/, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
  if (!words) return name;
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function namespaceName(ns: string): string {
  if (Object.hasOwn(NAMESPACE_ADJECTIVE, ns)) return NAMESPACE_ADJECTIVE[ns]!;
  return `${ns} integration`;
}

/** A label built from the ID's parts: `str:cm:job-title` → "Job title (custom text field)". */
export function labelFromParts(parts: FieldIdParts): string {
  const name = humanise(parts.name);
  const ns = namespaceName(parts.namespace);
  if (parts.type === 'act') {
    const what = ns ? `${ns} activity` : 'activity';
    return `${name} (${what})`;
  }
  const noun = Object.hasOwn(TYPE_NOUN, parts.type) ? TYPE_NOUN[parts.type]! : `${parts.type}`;
  return `${name} (${[ns, noun, 'field'].filter(Boolean).join(' ')})`;
}

/** One line per part, for the detail pane: what the prefix and the namespace mean. */
export function describeParts(parts: FieldIdParts): string[] {
  const lines: string[] = [];
  const prefix = orttoPrefix(parts.type);
  lines.push(`${parts.type}: ${prefix ? prefix.label : 'unknown type prefix'}`);
  const ns = orttoNamespace(parts.namespace);
  if (parts.namespace === '') lines.push('(empty namespace): built-in');
  else lines.push(`${parts.namespace}: ${ns ? ns.label : namespaceName(parts.namespace)}`);
  return lines;
}
