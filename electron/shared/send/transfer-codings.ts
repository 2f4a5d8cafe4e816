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
