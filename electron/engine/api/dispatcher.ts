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
        // First: a strict schema (settings.update) would otherwise say `Unrecognized key: "retension"` with no field.
        refuseUnknownKeys(method, spec.input, input);
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) {
          throw new ApiError('invalid_input', describeIssues(parsed.error), {
            issues: issueList(parsed.error),
          });
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
function refuseUnknownKeys(method: string, schema: z.ZodType, input: unknown) {
  if (!(schema instanceof z.ZodObject) || input === null || typeof input !== 'object' || Array.isArray(input))
    return;
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const issues = unknown.map((key) => ({
    path: key,
    message: `not an input of ${method} (it takes ${known.length ? known.join(', ') : 'no input'})`,
  }));
  throw new ApiError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

function issueList(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** "limit: Too big: expected number to be <=500" — always names the field. */
export function describeIssues(error: z.ZodError): string {
  return issueList(error)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}
