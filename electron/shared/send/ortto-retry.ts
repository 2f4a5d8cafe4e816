/** Ortto (seed 004): unsuccessful responses with these statuses are never retried; other 4xx and 5xx are. */
export const ORTTO_NEVER_RETRY: ReadonlySet<number> = new Set([400, 401, 403, 404, 405]);

/** Ortto (seed 004) counts a request as delivered on any status from 200 to 399: a redirect is a success to it. */
const orttoCountsDelivered = (status: number) => status >= 300 && status <= 399;

const spokenList = (statuses: number[]) =>
  statuses.length === 1 ? String(statuses[0]) : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;

const distinctSorted = (statuses: readonly number[]) => [...new Set(statuses)].sort((a, b) => a - b);

/**
 * Why a sender that retries like Ortto would never get past these failure statuses, or null: it gives up at the
 * first one it never retries, and takes a 3xx as delivered, so a rule meant to test its retries with them sees one
 * attempt and never its success.
 */
export function orttoGivesUpNote(failureStatuses: readonly number[]): string | null {
  const never = distinctSorted(failureStatuses.filter((s) => ORTTO_NEVER_RETRY.has(s)));
  const delivered = distinctSorted(failureStatuses.filter(orttoCountsDelivered));
  if (never.length === 0 && delivered.length === 0) return null;
  const why = [
    ...(never.length > 0 ? [`never retries ${spokenList(never)}`] : []),
    ...(delivered.length > 0
      ? [`counts ${spokenList(delivered)} as delivered (200–399 is a success to it)`]
      : []),
  ].join(' and ');
  return `Ortto ${why}: it stops at the first such answer and never sees what comes after it. To test its retries, fail with 429 or a 5xx.`;
}
