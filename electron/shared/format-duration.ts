/** Each unit while its reading, as rounded, stays below `below`; decimals: 1 or none. */
const DURATION_UNITS = [
  { below: 10, msPer: 1, decimals: 1, unit: 'ms' },
  { below: 1000, msPer: 1, decimals: 0, unit: 'ms' },
  { below: 120, msPer: 1000, decimals: 1, unit: 's' },
  { below: 120, msPer: 60_000, decimals: 0, unit: 'min' },
  { below: 48, msPer: 3_600_000, decimals: 1, unit: 'h' },
  { below: Infinity, msPer: 86_400_000, decimals: 1, unit: 'd' },
] as const;

/** Rounded first, then the unit picked: 999.6 ms reads "1.0 s", not "1000 ms". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  for (const { below, msPer, decimals, unit } of DURATION_UNITS) {
    const value = ms / msPer;
    const reading = decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
    if (Number(reading) < below) return `${reading} ${unit}`;
  }
  return '—';
}
