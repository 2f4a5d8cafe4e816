/**
 * The subject and verb that open a Replay dialog note about `counted` of the `total` captures being replayed:
 * "This capture was", "All 3 captures were", "1 of these 2 captures was", "2 of these 3 captures were".
 */
export function replayNoteSubject(
  counted: number,
  total: number,
  verb: { readonly one: string; readonly many: string },
): string {
  if (total === 1) return `This capture ${verb.one}`;
  if (counted === total) return `All ${total} captures ${verb.many}`;
  return `${counted} of these ${total} captures ${counted === 1 ? verb.one : verb.many}`;
}
