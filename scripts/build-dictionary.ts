/**
 * Builds electron/shared/decode/dictionary/ortto.json from the collected facts:
 *   - ortto-fields.json (recorded instance schema + documented IDs, with sources and confidence)
 *   - Ortto's own "Configuring a webhook" page (seed 004): account activities `act:o:*`, attribute tables,
 *     delivery rules. Where the page and the recorded schema disagree on a label, the schema label stays primary
 *     (it is what the product's UI shows) and the page's wording becomes an alternative label, so both are searchable.
 *
 * Usage: tsx scripts/build-dictionary.ts [--fields <ortto-fields.json>] [--seed <seed.txt>] [--check]
 * --check exits 1 when the committed output differs from a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OrttoDictionary as Out } from '../electron/shared/decode/dictionary/ortto';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(import.meta.dirname, '..');
const fieldsPath = arg('--fields', resolve(root, '../shared/reference/ortto-fields.json'));
const seedPath = arg('--seed', resolve(root, '../shared/seeds/004_3afcbc29e3f9550a.txt'));
const outPath = resolve(root, 'electron/shared/decode/dictionary/ortto.json');

interface RawEntry {
  label: string;
  kind: 'prefix' | 'person-field' | 'account-field' | 'attribute' | 'activity';
  source: string;
  confidence: 'high' | 'medium' | 'low';
  display_type?: string;
  liquid_name?: string;
  read_only?: boolean;
  hidden?: boolean;
  note?: string;
  prefix_part?: 'type' | 'namespace';
  value_shape?: string;
  attributes?: Record<string, string>;
  activities?: string[];
  alt_labels?: string[];
  as_attribute?: { label: string; alt_labels: string[]; activities: string[] };
  derived_from_activity?: string;
}

const raw = JSON.parse(readFileSync(fieldsPath, 'utf8')) as Record<string, RawEntry>;
const seed = readFileSync(seedPath, 'utf8');

const sources: string[] = [];
const src = (s: string) => {
  let i = sources.indexOf(s);
  if (i < 0) i = sources.push(s) - 1;
  return i;
};
const SEED = 'help.ortto.com "Configuring a webhook" (Ortto\'s own webhook page; seed 004)';

const out: Out = {
  version: 1,
  sources,
  prefixes: {},
  namespaces: {},
  fields: {},
  attributes: {},
  activities: {},
  delivery: {
    successStatus: { min: 200, max: 399 },
    neverRetried: [400, 401, 403, 404, 405],
    maxRetries: 12,
    // "progressing from 5 minutes to 15 minutes, 1 hour, 5 hours then 1 day between the remaining tries"
    backoffMs: [5, 15, 60, 300, 1440, 1440, 1440, 1440, 1440, 1440, 1440, 1440].map((m) => m * 60_000),
    note: 'Other 4xx/5xx responses are retried up to 12 times; 200–399 counts as delivered.',
    src: [],
  },
};

const pushAlt = (list: string[], primary: string, alt: string) => {
  if (alt.toLowerCase() !== primary.toLowerCase() && !list.some((l) => l.toLowerCase() === alt.toLowerCase()))
    list.push(alt);
};

// 1. The collected facts.
for (const [id, e] of Object.entries(raw)) {
  const s = src(e.source);
  switch (e.kind) {
    case 'prefix':
      if (e.prefix_part === 'namespace') {
        out.namespaces[id.slice(1, -1)] = { label: e.label, confidence: e.confidence, src: [s] };
      } else {
        out.prefixes[id] = {
          label: e.label,
          confidence: e.confidence,
          src: [s],
          ...(e.value_shape ? { valueShape: e.value_shape } : {}),
        };
      }
      break;
    case 'person-field':
    case 'account-field':
      out.fields[id] = {
        label: e.label,
        scope: e.kind === 'account-field' ? 'account' : 'person',
        confidence: e.confidence,
        src: [s],
        ...(e.display_type ? { displayType: e.display_type } : {}),
        ...(e.read_only ? { readOnly: true } : {}),
        ...(e.hidden ? { hidden: true } : {}),
        ...(e.liquid_name ? { liquidName: e.liquid_name } : {}),
        ...(e.derived_from_activity ? { derivedFromActivity: e.derived_from_activity } : {}),
        ...(e.note ? { note: e.note } : {}),
      };
      if (e.as_attribute) {
        out.attributes[id] = {
          label: e.as_attribute.label,
          altLabels: [...e.as_attribute.alt_labels],
          confidence: e.confidence,
          src: [s],
          ...(e.display_type ? { displayType: e.display_type } : {}),
        };
      }
      break;
    case 'attribute':
      out.attributes[id] = {
        label: e.label,
        altLabels: [...(e.alt_labels ?? [])],
        confidence: e.confidence,
        src: [s],
        ...(e.display_type ? { displayType: e.display_type } : {}),
        ...(e.note ? { note: e.note } : {}),
      };
      break;
    case 'activity':
      out.activities[id] = {
        label: e.label,
        altLabels: [],
        scope: id.startsWith('act:o:') || id.startsWith('act:oc:') ? 'account' : 'person',
        confidence: e.confidence,
        attributes: { ...(e.attributes ?? {}) },
        src: [s],
        ...(e.display_type ? { displayType: e.display_type } : {}),
        ...(e.note ? { note: e.note } : {}),
      };
      break;
  }
}
// The test webhook's label is shorter in the product; the explanation stays in the note.
if (out.activities['act::test_webhook']) {
  out.activities['act::test_webhook'].label = 'Test webhook';
  out.activities['act::test_webhook'].note = "Sent by the webhook data source's Test button and on creation.";
}

// 2. Ortto's own page.
const seedSrc = src(SEED);
out.delivery.src.push(seedSrc);
const ROW = /^([a-z0-9]+):(:?)([a-z0-9]*:)?([A-Za-z0-9_!-]+) \| (.+?) \|$/;
const sectionAttributes = new Map<string, Record<string, string>>();
const sectionActivities = new Map<string, string[]>();
let section = '';
for (const rawLine of seed.split('\n')) {
  const line = rawLine.trim();
  if (/^[A-Z][A-Za-z ]+(attributes|activities)$/.test(line) && !line.includes('|')) {
    section = line;
    continue;
  }
  const m = ROW.exec(line);
  if (!m) continue;
  const [, type, second, ns, name, descRaw] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  // The page writes a few web-session rows as `str:sr`; the grammar is type:namespace:name, so read `str::sr`.
  const typo = second === '' && ns === undefined;
  const namespace = ns ? ns.slice(0, -1) : '';
  const id = `${type}:${namespace}:${name}`;
  const desc = descRaw.trim();
  if (type === 'act') {
    const scope: 'person' | 'account' =
      desc.startsWith('Account:') || namespace === 'o' ? 'account' : 'person';
    const label = desc.replace(/^(Person|Account):\s*/, '');
    const shown = scope === 'account' ? `Account: ${label}` : label;
    const existing = out.activities[id];
    if (existing) {
      if (existing.confidence === 'low') {
        pushAlt(existing.altLabels, shown, existing.label);
        existing.label = shown;
        existing.confidence = 'high';
        existing.note = "Not in the recorded instance schema; label from Ortto's webhook page.";
      } else {
        pushAlt(existing.altLabels, existing.label, label);
      }
      if (!existing.src.includes(seedSrc)) existing.src.push(seedSrc);
      existing.group = section;
    } else {
      out.activities[id] = {
        label: shown,
        altLabels: [],
        scope,
        group: section,
        confidence: 'high',
        attributes: {},
        src: [seedSrc],
      };
    }
    const list = sectionActivities.get(section) ?? [];
    list.push(id);
    sectionActivities.set(section, list);
  } else {
    const attrs = sectionAttributes.get(section) ?? {};
    const text = desc
      .replace(/\s+This identifies.*$/, '')
      .replace(/\s*\(depending on activity context\)/, '');
    const short = text.replace(/\.$/, '');
    const existing = out.attributes[id];
    // A row written as a sentence ("Set to true if the campaign is transactional; …") describes; it is no label.
    const sentence = text.endsWith('.') && short.split(' ').length > 4;
    attrs[id] = sentence && existing ? existing.label : short;
    sectionAttributes.set(section, attrs);
    const note = typo ? `Written \`${type}:${name}\` on Ortto's page; read as \`${id}\`.` : undefined;
    if (existing) {
      for (const part of short.split(/ or /)) pushAlt(existing.altLabels, existing.label, part.trim());
      if (!existing.src.includes(seedSrc)) existing.src.push(seedSrc);
      if (note) existing.note = note;
    } else {
      out.attributes[id] = {
        label: short,
        altLabels: [],
        confidence: 'high',
        src: [seedSrc],
        ...(type === 'bol' ? { displayType: 'bool' } : type === 'tme' ? { displayType: 'time' } : {}),
        ...(note ? { note } : {}),
      };
    }
  }
}

// Seed-only activities get the attribute tables the page gives for their group.
const defaults = sectionAttributes.get('Default campaign activity attributes') ?? {};
/**
 * The page words three default rows "X or Y (depending on activity context)"; inside one group's activities they
 * mean one thing. str::rt is "Campaign type" only in act::a (DOMAIN-NOTES §1.5), so "Reaction type" in all of these;
 * email activities name their asset "Email name" (as act::c, act::o … do in the recorded schema), others "Asset
 * name"; act::sk (Skipped email) skips with a reason. str::sr keeps both readings where the page says neither.
 */
const notAttribution = { 'str::asn': 'Asset name', 'str::rt': 'Reaction type' };
const contextReadings: Record<string, Record<string, string>> = {
  'Email activities': { 'str::asn': 'Email name', 'str::rt': 'Reaction type', 'str::sr': 'Skipped reason' },
  'Push activities': notAttribution,
  'WhatsApp activities': notAttribution,
};
const read = (group: string, table: Record<string, string>) => {
  const readings = contextReadings[group] ?? {};
  return Object.fromEntries(
    Object.entries(table).map(([id, label]) => [id, Object.hasOwn(readings, id) ? readings[id]! : label]),
  );
};
const groupAttributes: Record<string, Record<string, string>> = {
  'Push activities': read('Push activities', {
    ...defaults,
    ...sectionAttributes.get('Push activity attributes'),
  }),
  'Talk conversation activities': { ...sectionAttributes.get('Talk activity attributes') },
  'Email activities': read('Email activities', defaults),
  'SMS activities': read('SMS activities', defaults),
  'WhatsApp activities': read('WhatsApp activities', defaults),
};
for (const [id, a] of Object.entries(out.activities)) {
  if (Object.keys(a.attributes).length > 0) continue;
  // An account activity carries the attributes of its person counterpart (act:o:c ↔ act::c).
  const twin = id.startsWith('act:o:') ? out.activities[`act::${id.slice(6)}`] : undefined;
  if (twin && Object.keys(twin.attributes).length > 0) {
    a.attributes = { ...twin.attributes };
    a.note = `Attributes as for ${`act::${id.slice(6)}`} (the person activity of the same code).`;
  } else if (a.group && groupAttributes[a.group]) {
    a.attributes = { ...groupAttributes[a.group] };
  }
}
// Type prefixes the page lists.
for (const line of seed.split('\n')) {
  const m = /^(idt|str|sst|u4s|bol|int|tme) \| (.+?) \|$/.exec(line.trim());
  if (m && out.prefixes[m[1]!]) out.prefixes[m[1]!]!.src.push(seedSrc);
}

const sortKeys = <T>(o: Record<string, T>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
out.prefixes = sortKeys(out.prefixes);
out.namespaces = sortKeys(out.namespaces);
out.fields = sortKeys(out.fields);
out.attributes = sortKeys(out.attributes);
out.activities = sortKeys(out.activities);

const text = JSON.stringify(out, null, 1) + '\n';
if (args.includes('--check')) {
  const current = readFileSync(outPath, 'utf8');
  if (current !== text) {
    console.error(`${outPath} is out of date: run tsx scripts/build-dictionary.ts`);
    process.exit(1);
  }
  console.log('dictionary up to date');
} else {
  writeFileSync(outPath, text);
  console.log(
    `wrote ${outPath}: ${Object.keys(out.fields).length} fields, ${Object.keys(out.attributes).length} attributes, ` +
      `${Object.keys(out.activities).length} activities, ${Object.keys(out.prefixes).length} prefixes, ` +
      `${Object.keys(out.namespaces).length} namespaces`,
  );
}
