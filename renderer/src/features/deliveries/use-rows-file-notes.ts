import { useEffect, useState } from 'react';
import { recordsFromFileInTurns } from '../../../../electron/shared/send/records';
import { rowsFormat } from '../../../../electron/shared/send/rows-format';

/** The engine's own note on a header column with no name, which it otherwise gives only in a started job's errors. */
const UNNAMED_COLUMN = /^header: column \d+ has no name/;

/**
 * Notes on the chosen rows file to show before Start: its unnamed columns that hold values, read as the engine reads
 * them (a turn per chunk, so a large file does not freeze the form).
 */
export function useRowsFileNotes(rows: { name: string; content: string } | null): string[] {
  const [notes, setNotes] = useState<string[]>([]);
  useEffect(() => {
    setNotes([]);
    if (!rows) return;
    const format = rowsFormat(rows.name, rows.content);
    if ('error' in format || format.format !== 'csv') return;
    let live = true;
    recordsFromFileInTurns(rows.content, 'csv', (resume) => setTimeout(() => live && resume(), 0)).then(
      ({ errors }) =>
        live &&
        setNotes(
          errors
            .filter((error) => error.row === 0 && UNNAMED_COLUMN.test(error.message))
            .map((error) => `Rows: ${rows.name}: ${error.message}`),
        ),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [rows]);
  return notes;
}
