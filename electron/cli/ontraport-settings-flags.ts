import type { z } from 'zod';
import type { ontraportSettings } from '../shared/contract/delivery';
import { intFlag, UsageError } from './io';

/** The flags of an Ontraport webhook's two settings (seed 000), for `parseFlags`. */
export const ontraportSettingsFlags = {
  retries: { type: 'string' },
  'requests-per-minute': { type: 'string' },
} as const;

/** Their lines in a command's --help. */
export const ontraportSettingsUsage = `      --retries N          Ontraport's "number of retries" setting, 0–100 (default 3)
      --requests-per-minute N
                           Ontraport's "requests per minute" setting, 1–100000 (default 60)`;

/**
 * The settings the two flags give, or undefined when neither is given. `notApplicable` says why they do not apply
 * (Ortto's schedule is fixed, `none` never retries): given anyway, they are refused naming the flag, not dropped.
 */
export function ontraportSettingsFromFlags(
  values: { retries?: string; 'requests-per-minute'?: string },
  notApplicable: string | null,
): z.input<typeof ontraportSettings> | undefined {
  if (notApplicable !== null)
    for (const flag of Object.keys(ontraportSettingsFlags) as Array<keyof typeof ontraportSettingsFlags>)
      if (values[flag] !== undefined) throw new UsageError(`--${flag}: ${notApplicable}`);
  const given = (value: string | undefined, flag: string, min: number, max: number) =>
    value === undefined ? undefined : intFlag(value, flag, 0, min, max);
  const retries = given(values.retries, '--retries', 0, 100);
  const requestsPerMinute = given(values['requests-per-minute'], '--requests-per-minute', 1, 100_000);
  if (retries === undefined && requestsPerMinute === undefined) return undefined;
  return { retries, requestsPerMinute };
}
