import type { DictionaryEntryRow } from '../contract/decode';
import { ONTRAPORT_CONTACT_FIELDS, ONTRAPORT_ENVELOPE } from './dictionary/ontraport';
import { orttoAttribute, orttoField } from './dictionary/ortto';
import type { CustomEntry } from './types';

/**
 * The kind a custom label is listed under in the dictionary: the built-in kind of the ID it relabels (so the Kind
 * filter that shows `str::email` as a person field shows its custom label too), else activity or plain field.
 */
export function customRowKind(fieldId: string, activityId: string | null): string {
  if (activityId) return 'activity-attribute';
  if (fieldId.startsWith('act:')) return 'activity';
  const field = orttoField(fieldId);
  if (field) return field.scope === 'account' ? 'account-field' : 'person-field';
  return orttoAttribute(fieldId) ? 'attribute' : 'field';
}

/** Ontraport names its fields without a colon: its own (`firstname`, `webhook_id`) and custom ones (`f1584`). */
const isOntraportField = (fieldId: string) =>
  /^f\d{1,9}$/.test(fieldId) ||
  Object.hasOwn(ONTRAPORT_CONTACT_FIELDS, fieldId) ||
  Object.hasOwn(ONTRAPORT_ENVELOPE, fieldId);

/** The vendor whose ID a custom label relabels, as the Vendor filter lists the built-in ones. */
export function customRowVendor(fieldId: string): string {
  if (fieldId.includes(':')) return 'Ortto';
  if (isOntraportField(fieldId)) return 'Ontraport';
  return orttoField(fieldId) ? 'Ortto' : 'Custom';
}

/** A custom dictionary entry as a row of the dictionary, listed beside the built-in IDs. */
export function customEntryRow(entry: CustomEntry, dictionaryId: number): DictionaryEntryRow {
  return {
    vendor: customRowVendor(entry.fieldId),
    id: entry.fieldId,
    kind: customRowKind(entry.fieldId, entry.activityId),
    label: entry.label,
    altLabels: [],
    activityId: entry.activityId,
    displayType: entry.displayType,
    confidence: null,
    sources: [],
    note: null,
    origin: 'custom',
    dictionaryId,
  };
}
