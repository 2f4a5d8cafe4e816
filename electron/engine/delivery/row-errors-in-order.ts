type RowError = { row: number; message: string };

/**
 * A bulk job's row errors with `added` merged in, in row order (the file's own errors, row 0, first), and the first
 * `cap` of them kept: errors reading the file and errors building each batch are found in different passes, and a
 * late row must not push out an earlier one. `omitted` is how many of the merged list the cap left out.
 */
export function mergeRowErrors(
  kept: RowError[],
  added: RowError[],
  cap: number,
): { kept: RowError[]; omitted: number } {
  const all = kept.concat(added).sort((a, b) => a.row - b.row);
  return { kept: all.slice(0, cap), omitted: Math.max(0, all.length - cap) };
}
