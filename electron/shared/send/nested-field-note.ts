/** How many of a nested value's fields a message names before it says how many more there are. */
const NAMED_FIELDS = 5;

/**
 * Why a placeholder (`[V]` or `{{V}}`) left unresolved by a row holding `V` as an object or array is not filled: rows
 * are flattened (`V.a`, `V.0`), so only its fields have values. Null when the row holds no fields under that name.
 *
 * The value is not put in as JSON: a flattened row no longer knows a string `"1"` from a number or `{}` from null, and
 * a body filled with a rebuilt guess would differ from what the composer's preview shows.
 */
export function nestedFieldNote(placeholder: string, record: Record<string, string>): string | null {
  const env = placeholder.startsWith('{{');
  const name = env ? placeholder.slice(2, -2) : placeholder.slice(1, -1);
  const prefix = `${name.toLowerCase()}.`;
  const fields = Object.keys(record).filter((key) => key.toLowerCase().startsWith(prefix));
  if (fields.length === 0) return null;
  const list = fields.every((key) => /^\d+(\.|$)/.test(key.slice(prefix.length)));
  const named = fields.slice(0, NAMED_FIELDS).map((key) => (env ? `{{${key}}}` : `[${key}]`));
  const more = fields.length > NAMED_FIELDS ? ` and ${fields.length - NAMED_FIELDS} more` : '';
  const what = env ? placeholder : `merge field ${placeholder}`;
  return `${what} holds ${list ? 'a list' : 'an object'}, not a value: use its ${list ? 'items' : 'fields'} ${named.join(', ')}${more}`;
}

/** The row error for placeholders a row left unresolved, saying which of them hold an object or a list. */
export function unresolvedFieldsMessage(unresolved: string[], record: Record<string, string>): string {
  const notes: string[] = [];
  const missing: string[] = [];
  for (const placeholder of unresolved) {
    const note = nestedFieldNote(placeholder, record);
    if (note) notes.push(note);
    else missing.push(placeholder);
  }
  const parts = missing.length
    ? [`unresolved merge field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`]
    : [];
  return parts.concat(notes).join('; ');
}
