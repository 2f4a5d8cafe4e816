/**
 * A cell that a spreadsheet would run as a formula (a value starting with "="), whatever follows: Papa's own pattern
 * for `escapeFormulae: true` (`/^[=+\-@\t\r].*$/`) misses values with a line break after the first line. Papa
 * escapes such a cell with a leading `'`.
 */
export const startsLikeFormula = /^[=+\-@\t\r]/;

/** A cell as it was before Papa's formula escaping: what an export wrote comes back unchanged on import. */
export function unescapeFormulaCell(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula.test(cell.slice(1)) ? cell.slice(1) : cell;
}
