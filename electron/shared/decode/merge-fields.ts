// An Ontraport merge field that arrives literally (`[First Name]`) means the merge failed for that contact.
const MERGE_FIELD = /\[[A-Za-z][A-Za-z0-9 _./#-]{0,60}\]/g;

/** Unresolved merge fields in a value, e.g. ['[First Name]']; empty when none. Bounded scan. */
export function findMergeFields(value: string): string[] {
  if (value.length === 0 || !value.includes('[')) return [];
  const text = value.length > 4096 ? value.slice(0, 4096) : value;
  const found = text.match(MERGE_FIELD);
  return found ? [...new Set(found)].slice(0, 10) : [];
}
