/** What a capture's query looks like in its request target. */
export interface TargetQuery {
  /** Raw query without its `?`. */
  query: string;
  /** The target ended in a `?` with nothing after it (`/hook?`), which `query: ''` alone cannot tell from `/hook`. */
  emptyQuery?: true;
}

/**
 * The `?query` part of a capture's request target as sent: `?` and `query` (or `shown`, the query as written out:
 * escaped or redacted), a bare `?` when the target ended in one, nothing when it had none.
 */
export function querySuffix(capture: TargetQuery, shown: string = capture.query): string {
  return shown !== '' || capture.emptyQuery ? `?${shown}` : '';
}
