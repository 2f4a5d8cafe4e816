import { rowsFormat as sniffRowsFormat, type RowsFormat } from '../shared/send/rows-format';
import { UsageError } from './io';

/** How a `--rows` file is read: the rule the app's Bulk send uses too. */
export function rowsFormat(path: string, content: string): RowsFormat {
  const read = sniffRowsFormat(path, content);
  if ('error' in read) throw new UsageError(`--rows: ${read.error}`);
  return read.format;
}
