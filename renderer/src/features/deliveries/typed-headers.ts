import type { Pair } from '../compose/PairsEditor';

/**
 * The header rows of a form as pairs to send, names trimmed and empty rows left out; or, when a row has a value but no
 * name, the message saying so (dropped silently, the value would never be sent).
 */
export function typedHeaders(rows: Pair[]): { headers: [string, string][] } | { error: string } {
  const unnamed = rows.findIndex((h) => h.name.trim() === '' && h.value !== '');
  if (unnamed >= 0)
    return { error: `headers: row ${unnamed + 1} has a value but no name; name it or remove the row` };
  return {
    headers: rows.filter((h) => h.name.trim() !== '').map((h): [string, string] => [h.name.trim(), h.value]),
  };
}
