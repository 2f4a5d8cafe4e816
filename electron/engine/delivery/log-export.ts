import Papa from 'papaparse';
import type { LogRow } from '../../shared/contract/delivery';

const columns: Array<[keyof LogRow, string]> = [
  ['request', 'Request'],
  ['responseCode', 'Response Code'],
  ['dateMs', 'Date'],
  ['responseData', 'Response Data'],
  ['durationMs', 'Duration (ms)'],
  ['attempt', 'Attempt'],
  ['name', 'Name'],
  ['webhookId', 'Webhook ID'],
  ['type', 'Type'],
  ['outcome', 'Outcome'],
  ['error', 'Error'],
  ['deliveryId', 'Delivery'],
];

/**
 * A cell that a spreadsheet would run as a formula (a response body starting with "="), whatever follows: Papa's own
 * pattern for `escapeFormulae: true` (`/^[=+\-@\t\r].*$/`) misses values with a line break after the first line.
 */
const startsLikeFormula = /^[=+\-@\t\r]/;

/** The delivery log as CSV (Ontraport's columns, ISO dates) or JSON. */
export function exportLog(rows: LogRow[], format: 'csv' | 'json') {
  if (format === 'json') {
    return {
      content: JSON.stringify(rows, null, 2),
      count: rows.length,
      mimeType: 'application/json',
      fileName: 'delivery-log.json',
    };
  }
  const data = rows.map((row) =>
    columns.map(([key]) => (key === 'dateMs' ? new Date(row.dateMs).toISOString() : (row[key] ?? ''))),
  );
  const content = Papa.unparse(
    { fields: columns.map(([, label]) => label), data },
    { escapeFormulae: startsLikeFormula },
  );
  return { content, count: rows.length, mimeType: 'text/csv', fileName: 'delivery-log.csv' };
}
