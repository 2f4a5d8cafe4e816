import type { DeliveryPolicy } from '../../shared/contract/delivery';
import { ORTTO_NEVER_RETRY } from '../../shared/send/ortto-retry';
import { parseHttpDate } from './http-date';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Ortto (seed 004): "retried up to 12 times … progressing from 5 minutes to 15 minutes, 1 hour, 5 hours then 1 day
 * between the remaining tries". Read literally: 1 first attempt + 12 retries = 13 attempts at most; the waits
 * before retries 1–4 are 5 min, 15 min, 1 h, 5 h and retries 5–12 wait 1 day each.
 */
export const ORTTO_WAITS_MS = [5 * MINUTE, 15 * MINUTE, HOUR, 5 * HOUR, ...Array<number>(8).fill(DAY)];

/** Standard Webhooks: attempts immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts). */
export const STANDARD_WAITS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** Ontraport documents only "number of retries"; the spacing is ours: one minute between tries (unverified). */
export const ONTRAPORT_RETRY_WAIT_MS = MINUTE;

/** Retry-After is honoured but capped, so a hostile server cannot park a delivery forever. */
export const RETRY_AFTER_CAP_MS = DAY;

export interface PolicySpec {
  kind: DeliveryPolicy;
  /** `waitsMs[i]` is the wait before retry i+1; its length is the number of retries. */
  waitsMs: number[];
}

export interface PolicyOptions {
  customWaitsMs?: number[] | null;
  ontraportRetries?: number | null;
}

export function policySpec(kind: DeliveryPolicy, options: PolicyOptions = {}): PolicySpec {
  switch (kind) {
    case 'ortto':
      return { kind, waitsMs: ORTTO_WAITS_MS };
    case 'standard':
      return { kind, waitsMs: STANDARD_WAITS_MS };
    case 'ontraport':
      return { kind, waitsMs: Array<number>(options.ontraportRetries ?? 3).fill(ONTRAPORT_RETRY_WAIT_MS) };
    case 'custom':
      return { kind, waitsMs: options.customWaitsMs ?? [] };
    case 'none':
      return { kind, waitsMs: [] };
    default: {
      const never: never = kind;
      throw new Error(`unknown policy ${String(never)}`);
    }
  }
}

export const maxAttempts = (spec: PolicySpec): number => spec.waitsMs.length + 1;

/** What an attempt produced: an HTTP status, or a network error (reset, timeout, refused). */
export interface AttemptResult {
  status: number | null;
  networkError?: string | null;
  /** Parsed Retry-After, in ms from the response time. */
  retryAfterMs?: number | null;
  /** The Location of a redirect (never followed). */
  location?: string | null;
}

export type Decision =
  | { kind: 'success' }
  /** `scheduleWaitMs`: the policy's own wait (time-scaled) when the target's Retry-After made `waitMs` longer. */
  | { kind: 'retry'; waitMs: number; scheduleWaitMs: number | null; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'disabled'; reason: string };

export function isSuccess(kind: DeliveryPolicy, status: number): boolean {
  // Ortto counts 200–399 as delivered; the rest (and Standard Webhooks, where 3xx is a failure) want 2xx.
  return kind === 'ortto' ? status >= 200 && status <= 399 : status >= 200 && status <= 299;
}

/**
 * Decide what follows attempt `attemptNo` (1-based, counted from the start of the current schedule).
 * Waits are multiplied by `timeScale`; a Retry-After longer than the policy's wait replaces it.
 */
export function decide(spec: PolicySpec, attemptNo: number, result: AttemptResult, timeScale = 1): Decision {
  if (result.status !== null && isSuccess(spec.kind, result.status)) return { kind: 'success' };
  const what = result.status !== null ? httpWhat(result) : (result.networkError ?? 'network error');
  if (spec.kind === 'ortto' && result.status !== null && ORTTO_NEVER_RETRY.has(result.status)) {
    return { kind: 'failed', reason: `${what}: Ortto never retries 400, 401, 403, 404 or 405` };
  }
  if (spec.kind === 'ortto' && result.status !== null && (result.status < 400 || result.status > 599)) {
    return { kind: 'failed', reason: `${what}: Ortto retries only 400–599 (not 400, 401, 403, 404 or 405)` };
  }
  if (spec.kind === 'standard' && result.status === 410) {
    return { kind: 'disabled', reason: 'HTTP 410 Gone: Standard Webhooks disables the endpoint' };
  }
  const wait = spec.waitsMs[attemptNo - 1];
  if (wait === undefined) {
    return {
      kind: 'failed',
      reason: `${what} after ${attemptNo} attempt${attemptNo === 1 ? '' : 's'} (no retries left)`,
    };
  }
  const retryAfter = Math.min(result.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS);
  const waitMs = Math.round(Math.max(wait, retryAfter) * timeScale);
  if (retryAfter <= wait) return { kind: 'retry', waitMs, scheduleWaitMs: null, reason: what };
  const scheduleWaitMs = Math.round(wait * timeScale);
  return { kind: 'retry', waitMs, scheduleWaitMs, reason: `${what}; Retry-After honoured` };
}

/** A redirect that failed the policy says where it pointed: it is never followed, so the target never got the request. */
function httpWhat({ status, location }: AttemptResult): string {
  if (status === null || status < 300 || status > 399 || !location) return `HTTP ${status}`;
  const to = location.length > 200 ? `${location.slice(0, 200)}…` : location;
  return `HTTP ${status} (a redirect to ${to}, which is not followed)`;
}

/** `Retry-After: <seconds>` or an HTTP date; null when absent or unparseable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const at = parseHttpDate(trimmed, nowMs);
  return at === null ? null : Math.max(0, at - nowMs);
}
