import type { z } from 'zod';
import { UsageError } from './io';

/**
 * Input checked against the contract a command hands it to: what it refuses is said as a usage error naming the flag
 * it came from (`flagOf` maps the field's path), never as zod's raw list of issues.
 */
export function contractInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  flagOf: (path: PropertyKey[]) => string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UsageError(`${flagOf(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
}
