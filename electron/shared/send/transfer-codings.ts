/**
 * The transfer codings a request was sent with besides chunked (`Transfer-Encoding: gzip, chunked` gives `gzip`), in
 * the order they were applied. The receiver takes off the chunking only, so the stored body is still in these codings;
 * replay sends it as it is, labelled with them as its Content-Encoding (Transfer-Encoding belongs to the connection it
 * came on and is never forwarded).
 */
export function transferCodings(headers: Array<[string, string]>): string[] {
  return headers
    .filter(([name]) => name.toLowerCase() === 'transfer-encoding')
    .flatMap(([, value]) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'chunked' && coding !== 'identity');
}

/**
 * `headers` (the Transfer-Encoding already left out) with the captured transfer codings added as a Content-Encoding,
 * after any the capture had: the sender applied those first, as the list's order says.
 */
export function withTransferCodingsAsContentEncoding<T extends [string, string]>(
  headers: T[],
  captured: Array<[string, string]>,
): Array<T | [string, string]> {
  const codings = transferCodings(captured);
  return codings.length === 0 ? headers : [...headers, ['Content-Encoding', codings.join(', ')]];
}

/** One coding a stored request body is in, with the header that named it. */
export interface BodyCoding {
  coding: string;
  header: 'Content-Encoding' | 'Transfer-Encoding';
}

/**
 * The codings a captured request body is stored in, in the order the sender applied them: its Content-Encoding, then
 * its transfer codings (the receiver takes off only the chunking). Undone from last to first to read the body.
 */
export function storedBodyCodings(
  contentEncoding: string | null,
  headers: Array<[string, string]>,
): BodyCoding[] {
  const content = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .map((coding) => ({ coding, header: 'Content-Encoding' as const }));
  const transfer = transferCodings(headers).map((coding) => ({
    coding,
    header: 'Transfer-Encoding' as const,
  }));
  return [...content, ...transfer];
}

/** How a body's codings read to the user: `gzip` for a Content-Encoding, `Transfer-Encoding gzip` for a transfer coding. */
export function bodyCodingsText(codings: BodyCoding[]): string {
  const named = (header: BodyCoding['header']) =>
    codings
      .filter((c) => c.header === header)
      .map((c) => c.coding)
      .join(', ');
  const content = named('Content-Encoding');
  const transfer = named('Transfer-Encoding');
  return [content, transfer && `Transfer-Encoding ${transfer}`].filter((part) => part !== '').join(', then ');
}
