import { ONTRAPORT_CONTACT_FIELDS } from './dictionary/ontraport';
import { findMergeFieldSpans } from '../merge-field-label';

/**
 * Unresolved merge fields in a value, e.g. ['[First Name]']; empty when none. Bounded scan. An Ontraport merge field
 * that arrives literally means the merge failed for that contact; a key path (`data[id]`) is not one.
 */
export function findMergeFields(value: string): string[] {
  if (value.length === 0 || !value.includes('[')) return [];
  const text = value.length > 4096 ? value.slice(0, 4096) : value;
  const found = findMergeFieldSpans(text).map((span) => text.slice(span.start, span.end));
  return [...new Set(found)].slice(0, 10);
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
/** Ontraport contact fields by squashed name and squashed label: `[First Name]`, `[Contact ID]`, `[Zip Code]`. */
const ONTRAPORT_MERGE_NAMES = new Set(
  Object.entries(ONTRAPORT_CONTACT_FIELDS).flatMap(([key, field]) => [squash(key), squash(field.label)]),
);

/** `[First Name]` names an Ontraport contact field; `[Bug]` or `[Draft]` does not. */
export function isOntraportMergeName(mergeField: string): boolean {
  return ONTRAPORT_MERGE_NAMES.has(squash(mergeField.slice(1, -1)));
}

/** The value is nothing but merge fields (`[First Name]`, `[First Name] [Last Name]`), as Ontraport post data is. */
export function isOnlyMergeFields(value: string): boolean {
  if (value.length > 4096 || !value.includes('[')) return false;
  const spans = findMergeFieldSpans(value);
  const rest = spans.reduceRight((text, span) => text.slice(0, span.start) + text.slice(span.end), value);
  return spans.length > 0 && rest.replace(/[\s,]/g, '').length === 0;
}
