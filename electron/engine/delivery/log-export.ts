import Papa from 'papaparse';
import { withLineBreaksEscaped } from '../../shared/json-line-breaks';
import type { LogRow } from '../../shared/contract/delivery';
import { escapedOnExport } from '../../shared/csv/formula-cells';
import { redactBody, redactUrl } from '../captures/redaction';

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
  ['bulkJobId', 'Bulk Job'],
  ['bulkRow', 'Bulk Row'],
];

/** A response preview that opens with a form pair (`name=`): no JSON, XML or HTML body does. */
const formLike = /^[\w.~%+-][\w.~%+\-[\]]*=/;

/**
 * A log row fit to share: secret query parameters and user info of the URL and secret-named fields of the response
 * (a token endpoint's `access_token`, say) replaced by `[redacted]`. The row holds no request headers or body.
 */
export function redactLogRow(row: LogRow): LogRow {
  const space = row.request.indexOf(' ');
  const request =
    space === -1
      ? redactUrl(row.request)
      : `${row.request.slice(0, space + 1)}${redactUrl(row.request.slice(space + 1))}`;
  // The stored preview has no Content-Type with it: JSON (whole or cut off) and `<?xml` bodies are read as such, and
  // text that opens with a `name=` pair as a form (an OAuth token endpoint's `access_token=…&scope=…`).
  const type = formLike.test(row.responseData) ? 'application/x-www-form-urlencoded' : null;
  const responseData = redactBody(Buffer.from(row.responseData), type, null).toString('utf8');
  return { ...row, request, responseData, error: row.error === null ? null : redactUrlsIn(row.error) };
}

/** Error messages may quote the URL they failed on. */
const redactUrlsIn = (text: string) =>
  text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));

/** The delivery log as CSV (Ontraport's columns, ISO dates) or JSON, redacted unless `redact` is false. */
export function exportLog(allRows: LogRow[], format: 'csv' | 'json', redact = true) {
  const rows = redact ? allRows.map(redactLogRow) : allRows;
  if (format === 'json') {
    return {
      content: withLineBreaksEscaped(JSON.stringify(rows, null, 2)),
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
    { escapeFormulae: escapedOnExport },
  );
  return { content, count: rows.length, mimeType: 'text/csv', fileName: 'delivery-log.csv' };
}
