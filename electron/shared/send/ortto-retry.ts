/** Ortto (seed 004): unsuccessful responses with these statuses are never retried; other 4xx and 5xx are. */
export const ORTTO_NEVER_RETRY: ReadonlySet<number> = new Set([400, 401, 403, 404, 405]);

/**
 * Why a sender that retries like Ortto would never get past these failure statuses, or null: it gives up at the
 * first one, so a rule meant to test its retries with them sees one attempt and never its success.
 */
export function orttoGivesUpNote(failureStatuses: readonly number[]): string | null {
  const never = [...new Set(failureStatuses.filter((s) => ORTTO_NEVER_RETRY.has(s)))].sort((a, b) => a - b);
  if (never.length === 0) return null;
  const list = never.length === 1 ? String(never[0]) : `${never.slice(0, -1).join(', ')} or ${never.at(-1)}`;
  return `Ortto never retries ${list}: it stops at the first such answer and never sees what comes after it. To test its retries, fail with 429 or a 5xx.`;
}
