/**
 * Collection names are unique ignoring case and surrounding spaces: "Ortto" and " ortto " name the same collection.
 * The inline form and the engine both apply this rule.
 */
export function sameCollectionName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Why a name another collection already has is refused; the caller puts the field's name before it. */
export function collectionNameTaken(name: string): string {
  return `“${name.trim()}” is taken; choose another name`;
}
