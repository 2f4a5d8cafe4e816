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
  // escapeFormulae: a response body starting with "=" must not run as a spreadsheet formula.
  const content = Papa.unparse({ fields: columns.map(([, label]) => label), data }, { escapeFormulae: true });
  return { content, count: rows.length, mimeType: 'text/csv', fileName: 'delivery-log.csv' };
}
