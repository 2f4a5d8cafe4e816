import type { z } from 'zod';

/** One API method: the schema of what goes in and what comes out. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Methods only a desktop shell can serve (native dialogs); hidden in browser mode. */
  desktopOnly?: boolean;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { desktopOnly?: boolean } = {},
): MethodSpec<I, O> => ({ input, output, ...options });

export type MethodTable = Record<string, MethodSpec>;
export type EventTable = Record<string, z.ZodType>;

/** The largest API request body the browser-mode transport accepts; callers with bulk input split below it. */
export const API_MAX_REQUEST_BYTES = 200 * 1024 * 1024;
