/** The reason recorded on a capture whose response was decided and recorded but never written. */
export function unsentResponseReason(
  why: string,
  response: { status: number; reason: string | null },
  stepGivenBack: boolean,
): string {
  const would = `${response.status}${response.reason ? ` (${response.reason})` : ''}`;
  return (
    `not sent: ${why} before the response was written; the rule would have answered ${would}` +
    (stepGivenBack ? ', and that step was given back' : '')
  );
}
