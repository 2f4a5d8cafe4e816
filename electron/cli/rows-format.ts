import { extname } from 'node:path';
import { UsageError } from './io';

/**
 * How a `--rows` file is read: by its extension when it says CSV or JSON, else by what it starts with (a JSON array or
 * object, else CSV). A JSON file saved as `.txt` was read as CSV: its first line became the column names.
 */
export function rowsFormat(path: string, content: string): 'csv' | 'json' {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson')
    throw new UsageError(
      `--rows: ${path} is JSON Lines (one object a line); give the rows as a JSON array of objects (.json) or a CSV file`,
    );
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return /^\uFEFF?\s*[[{]/.test(content) ? 'json' : 'csv';
}
