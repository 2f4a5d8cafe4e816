import { z } from 'zod';
import {
  ApiError,
  contract,
  isMethodName,
  type CallMeta,
  type Handlers,
  type Result,
} from '../../shared/contract/index';
import { describeStorageError } from '../store/storage-error';

export interface Dispatcher {
  /** Validate, run and wrap one call. Never throws: every failure is `{ ok: false, error }`. */
  dispatch(method: string, input: unknown, meta: CallMeta): Promise<Result<unknown>>;
}

export interface DispatcherOptions {
  /** Validate outputs against the contract too (tests and development). */
  checkOutputs?: boolean;
  /** Methods this transport refuses (desktop-only methods in browser mode). */
  hidden?: ReadonlySet<string>;
  onInternalError?: (method: string, error: unknown) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  return {
    async dispatch(method, input, meta) {
      try {
        if (!isMethodName(method) || options.hidden?.has(method)) {
          throw new ApiError('unknown_method', `Unknown method "${method}".`, { method });
        }
        const spec = contract.methods[method];
        const unknown = unknownTopLevelKeys(method, spec.input, input);
        const parsed = spec.input.safeParse(input ?? {}, { error: nameUnknownKeys(method) });
        // Both together: a misspelt top-level key must not hide a misspelt nested one, nor the other way round.
        const issues = [
          ...unknown,
          ...(parsed.success ? [] : issueList(parsed.error)).filter(
            (issue) => !unknown.some((u) => u.path === issue.path),
          ),
        ];
        if (issues.length > 0 || !parsed.success) {
          throw new ApiError('invalid_input', issues.map(describeIssue).join('; '), { issues });
        }
        const handler = handlers[method] as (input: unknown, meta: CallMeta) => unknown;
        const value = await handler(parsed.data, meta);
        if (options.checkOutputs) {
          const checked = spec.output.safeParse(value);
          if (!checked.success) {
            throw new ApiError(
              'internal',
              `Output of ${method} broke the contract: ${describeIssues(checked.error)}`,
            );
          }
        }
        return { ok: true, value };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
        options.onInternalError?.(method, error);
        const storage = describeStorageError(error);
        if (storage)
          return { ok: false, error: { code: 'unavailable', message: `${method} failed: ${storage}` } };
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'internal', message } };
      }
    },
  };
}

/**
 * A top-level key the method does not take is refused by name rather than dropped: `captures.list {endpointId: 2}`
 * (the filter's key one level too high) would otherwise list every capture as if it had worked.
 */
function unknownTopLevelKeys(method: string, schema: z.ZodType, input: unknown): Issue[] {
  if (!(schema instanceof z.ZodObject) || input === null || typeof input !== 'object' || Array.isArray(input))
    return [];
  const known = Object.keys(schema.shape);
  return Object.keys(input)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: key,
      message: `not an input of ${method} (it takes ${known.length ? known.join(', ') : 'no input'})`,
    }));
}

/**
 * A key a nested strict object does not take reads as a top-level one does (`retention.maxCont: not an input of
 * settings.update (it takes maxCount, maxAgeMs)`), not as zod's `retention: Unrecognized key: "maxCont"`.
 */
function nameUnknownKeys(method: string) {
  return (issue: { code?: string; inst?: unknown }) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const known = keysTaken(issue.inst);
    return `not an input of ${method}${known ? ` (it takes ${known.length ? known.join(', ') : 'no keys'})` : ''}`;
  };
}

function keysTaken(schema: unknown): string[] | null {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord) {
    const values = schema.keyType._zod.values;
    return values ? [...values].map(String) : null;
  }
  return null;
}

interface Issue {
  path: string;
  message: string;
}

const describeIssue = (issue: Issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message);

/** One entry per field; an unrecognized_keys issue becomes one per key, each with its own path. */
function issueList(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((path) => ({ path: path.map(String).join('.'), message: issue.message }));
  });
}

/** "limit: Too big: expected number to be <=500" — always names the field. */
export function describeIssues(error: z.ZodError): string {
  return issueList(error).map(describeIssue).join('; ');
}
