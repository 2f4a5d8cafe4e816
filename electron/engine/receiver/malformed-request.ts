/** What Node's HTTP parser hands to `clientError` about a request it refused. */
export interface ParserError {
  code?: string;
  /** llhttp's own words, such as "Invalid header value char". */
  reason?: string;
  rawPacket?: Buffer;
}

/** A header line starting with a space or tab continues the one before it: obsolete line folding. */
const foldedHeader = /\r?\n[ \t]/;

/**
 * The plain-text body of the 400 or 431 for a request the parser refused before it became a request, so was never
 * captured: the sender sees why instead of an empty answer. A folded header gets RFC 9112 §5.2's own explanation.
 */
export function malformedRequestExplanation(error: ParserError, maxHeaderBytes: number): string {
  const lead = 'The receiver could not parse this request, so it was not captured:';
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return `${lead} its request line and headers are over the receiver's ${maxHeaderBytes}-byte limit.\n`;
  const raw = error.rawPacket?.toString('latin1') ?? '';
  const headEnd = raw.search(/\r?\n\r?\n/);
  const head = headEnd === -1 ? raw : raw.slice(0, headEnd);
  if (error.code === 'HPE_INVALID_HEADER_TOKEN' && foldedHeader.test(head))
    return `${lead} a header is continued on the next line (obsolete line folding, which RFC 9112 §5.2 lets a server refuse); send each header on one line.\n`;
  const why = error.reason
    ? `${error.reason} (${error.code ?? 'parse error'})`
    : (error.code ?? 'parse error');
  return `${lead} ${why}.\n`;
}
