/**
 * A status filter value as the app's filter takes it: an exact code from 100 to 599 ("404") or a class ("4xx", any
 * case), lower-cased; null for anything else. The URL, the filter bar and the CLI's --status all read it this way.
 */
export function statusFilterValue(raw: string): string | null {
  return /^[1-5](\d\d|xx)$/i.test(raw) ? raw.toLowerCase() : null;
}

/** The codes these filter values stand for (a class is its hundred codes), each once, in the order given. */
export function expandStatuses(statuses: string[]): number[] {
  const out = new Set<number>();
  for (const s of statuses) {
    const klass = /^([1-5])xx$/.exec(s);
    if (klass) for (let i = 0; i < 100; i++) out.add(Number(klass[1]) * 100 + i);
    else if (/^\d{3}$/.test(s)) out.add(Number(s));
  }
  return [...out];
}
