/**
 * An error's own message. A host with several addresses (`localhost`: ::1 and 127.0.0.1) that all fail ends in an
 * AggregateError whose own message is empty: what each address said is in its `errors`.
 */
export function ownMessage(error: Error): string {
  if (error.message !== '' || !(error instanceof AggregateError)) return error.message;
  return error.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ');
}
