/**
 * The cells an export escapes with a leading `'`: one a spreadsheet would run as a formula (starting with "="),
 * whatever follows (Papa's own pattern for `escapeFormulae: true`, `/^[=+\-@\t\r].*$/`, misses values with a line
 * break after the first line), and one that already reads as escaped (`'` before such a start). Escaping that one too
 * makes import's single `'` removal exact: a label `'=x` is written `''=x` and read back as `'=x`, not `=x`.
 */
export const escapedOnExport = /^'*[=+\-@\t\r]/;

/** A cell as it was before the export's formula escaping: what an export wrote comes back unchanged on import. */
export function unescapeFormulaCell(cell: string): string {
  return cell.startsWith("'") && escapedOnExport.test(cell.slice(1)) ? cell.slice(1) : cell;
}
