export type RowsFormat = 'csv' | 'json';

/** The lower-cased extension of a file name or path (`.json`), or '' when it has none. */
function extension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * How a rows file is read: by its extension when it says CSV or JSON, else by what it starts with (a JSON array or
 * object, else CSV). A JSON file saved as `.txt` was read as CSV: its first line became the column names. JSON Lines
 * is refused with the reason (`error` names the file; the caller names the field).
 */
export function rowsFormat(fileName: string, content: string): { format: RowsFormat } | { error: string } {
  const ext = extension(fileName);
  if (ext === '.jsonl' || ext === '.ndjson')
    return {
      error: `${fileName} is JSON Lines (one object a line); give the rows as a JSON array of objects (.json) or a CSV file`,
    };
  if (ext === '.json') return { format: 'json' };
  if (ext === '.csv') return { format: 'csv' };
  return { format: /^\uFEFF?\s*[[{]/.test(content) ? 'json' : 'csv' };
}
