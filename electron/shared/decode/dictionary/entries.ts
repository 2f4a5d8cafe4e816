import { ortto } from './ortto';
import {
  ONTRAPORT_CONTACT_FIELDS,
  ONTRAPORT_ENVELOPE,
  ONTRAPORT_EVENTS,
  ONTRAPORT_OBJECT_TYPES,
  WP_FUSION_PARAMS,
} from './ontraport';

/** One row of the dictionary browser. */
export interface DictionaryEntry {
  vendor: 'Ortto' | 'Ontraport' | 'WP Fusion';
  id: string;
  kind:
    | 'prefix'
    | 'namespace'
    | 'person-field'
    | 'account-field'
    | 'attribute'
    | 'activity'
    | 'activity-attribute'
    | 'field'
    | 'event'
    | 'object-type'
    | 'parameter';
  label: string;
  altLabels: string[];
  /** For activity-attribute rows: the activity whose label this is. */
  activityId: string | null;
  displayType: string | null;
  confidence: 'high' | 'medium' | 'low' | null;
  sources: string[];
  note: string | null;
}

let cache: DictionaryEntry[] | null = null;

/** Every built-in ID the decoder knows, one row each (activity attributes once per activity). */
export function dictionaryEntries(): DictionaryEntry[] {
  if (cache) return cache;
  const s = (src: number[]) => src.map((i) => ortto.sources[i] ?? '');
  const rows: DictionaryEntry[] = [];
  const base = { altLabels: [] as string[], activityId: null, displayType: null, note: null };
  for (const [id, p] of Object.entries(ortto.prefixes)) {
    rows.push({
      ...base,
      vendor: 'Ortto',
      id,
      kind: 'prefix',
      label: p.label,
      confidence: p.confidence,
      sources: s(p.src),
      note: p.valueShape ?? null,
    });
  }
  for (const [ns, n] of Object.entries(ortto.namespaces)) {
    rows.push({
      ...base,
      vendor: 'Ortto',
      id: `:${ns}:`,
      kind: 'namespace',
      label: n.label,
      confidence: n.confidence,
      sources: s(n.src),
    });
  }
  for (const [id, f] of Object.entries(ortto.fields)) {
    rows.push({
      ...base,
      vendor: 'Ortto',
      id,
      kind: f.scope === 'account' ? 'account-field' : 'person-field',
      label: f.label,
      displayType: f.displayType ?? null,
      confidence: f.confidence,
      sources: s(f.src),
      note: f.note ?? null,
    });
  }
  for (const [id, a] of Object.entries(ortto.attributes)) {
    rows.push({
      ...base,
      vendor: 'Ortto',
      id,
      kind: 'attribute',
      label: a.label,
      altLabels: a.altLabels,
      displayType: a.displayType ?? null,
      confidence: a.confidence,
      sources: s(a.src),
      note: a.note ?? null,
    });
  }
  for (const [id, a] of Object.entries(ortto.activities)) {
    rows.push({
      ...base,
      vendor: 'Ortto',
      id,
      kind: 'activity',
      label: a.label,
      altLabels: a.altLabels,
      displayType: a.displayType ?? null,
      confidence: a.confidence,
      sources: s(a.src),
      note: a.note ?? null,
    });
    for (const [attr, label] of Object.entries(a.attributes)) {
      // Sources live on the activity's own row; repeating them here would triple the table's size.
      rows.push({
        ...base,
        vendor: 'Ortto',
        id: attr,
        kind: 'activity-attribute',
        label,
        activityId: id,
        displayType: ortto.attributes[attr]?.displayType ?? null,
        confidence: a.confidence,
        sources: [],
      });
    }
  }
  for (const [id, f] of Object.entries({ ...ONTRAPORT_ENVELOPE, ...ONTRAPORT_CONTACT_FIELDS })) {
    rows.push({
      ...base,
      vendor: 'Ontraport',
      id,
      kind: 'field',
      label: f.label,
      displayType: f.kind,
      confidence: null,
      sources: ['DOMAIN-NOTES §3'],
    });
  }
  for (const [id, e] of Object.entries(ONTRAPORT_EVENTS)) {
    rows.push({
      ...base,
      vendor: 'Ontraport',
      id: `${id}(N)`,
      kind: 'event',
      label: e.label,
      confidence: null,
      sources: ['DOMAIN-NOTES §3.2'],
      note: e.targetKey ? `N = ${e.targetKey}` : 'N = object type id',
    });
  }
  for (const [id, name] of Object.entries(ONTRAPORT_OBJECT_TYPES)) {
    rows.push({
      ...base,
      vendor: 'Ontraport',
      id,
      kind: 'object-type',
      label: name,
      confidence: null,
      sources: ['DOMAIN-NOTES §3.3'],
    });
  }
  for (const [id, label] of Object.entries(WP_FUSION_PARAMS)) {
    rows.push({
      ...base,
      vendor: 'WP Fusion',
      id,
      kind: 'parameter',
      label,
      confidence: null,
      sources: ['DOMAIN-NOTES §4'],
    });
  }
  cache = rows;
  return rows;
}
