import { acceptsExactNumbers, clip, exactNumberText, formatPlain, type Formatted } from './values';
import { findMergeFields } from './merge-fields';
import { orderedKeys, type JsonKeyOrder } from './json-key-order';
import { numberTextAt, numbersAsSent } from './number-text';
import type { CustomDictionary, DecodedNode, DecodeWarning, LabelSource, WarningCode } from './types';

/** How one key is read: its label, where the label came from, how to format its value, how to read its children. */
export interface KeyInfo {
  label: string;
  labelSource: LabelSource;
  fieldId: string | null;
  format?: (value: unknown) => Formatted;
  details?: string[];
  /** Context for the children of an object/array value. */
  ctx: Ctx;
  warnings?: { code: WarningCode; severity: 'warning' | 'info'; message: string }[];
}
export type Ctx = (key: string, value: unknown, b: Builder) => KeyInfo;

export interface BuilderOptions {
  maxNodes: number;
  maxDepth: number;
  mergeCheck: boolean;
  custom?: CustomDictionary;
  /**
   * Labels only (the full-text index's words): plain values get no display text, raw text or path, which are most of
   * the work and garbage of a decode; values with a formatter (activities, events, dates…) are decoded as usual.
   */
  lean?: boolean;
  /** Raw values whole instead of bounded (one value asked for by path; see `decode.value`). */
  fullRaw?: boolean;
  /** The path of an object or array to give raw JSON text too (containers have none, to keep a decode small). */
  rawAt?: string;
}

export class Builder {
  nodeCount = 0;
  truncated = false;
  readonly warnings: DecodeWarning[] = [];
  /** The order the JSON body wrote each object's keys in. */
  keyOrder: JsonKeyOrder | undefined;
  constructor(readonly options: BuilderOptions) {}

  get custom() {
    return this.options.custom;
  }

  warn(node: DecodedNode, code: WarningCode, severity: 'warning' | 'info', message: string) {
    const w: DecodeWarning = { code, severity, message, path: node.path };
    node.warnings.push(w);
    if (this.warnings.length < 500) this.warnings.push(w);
  }
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const childPath = (parent: string, key: string) =>
  SIMPLE_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/** Raw values are bounded for the tree; copying one asks for it whole. */
export const RAW_MAX_CHARS = 1000;

function rawText(value: unknown, json: boolean): string | null {
  if (value !== null && typeof value === 'object') return exactNumberText(value);
  if (!json && typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Sets a node's raw text, cut to RAW_MAX_CHARS (and marked so) unless the builder keeps raw values whole. */
export function setRaw(node: DecodedNode, raw: string | null, b: Builder): void {
  if (raw !== null && raw.length > RAW_MAX_CHARS && !b.options.fullRaw) {
    node.raw = clip(raw, RAW_MAX_CHARS);
    node.rawClipped = true;
  } else node.raw = raw;
}

export interface BuildArgs {
  key: string;
  path: string;
  value: unknown;
  info: KeyInfo;
  depth: number;
  json: boolean;
  /** A JSON number's text as sent, when JavaScript prints it otherwise (`1e2`, `1.50`). */
  written?: string;
}

/** Build a node and (bounded) its children. Iterates over children; recursion depth is capped by maxDepth. */
export function buildNode(b: Builder, args: BuildArgs): DecodedNode {
  const { key, path, value, info, depth, json, written } = args;
  b.nodeCount++;
  const exact = exactNumberText(value);
  const isContainer = value !== null && typeof value === 'object' && exact === null;
  const lean = b.options.lean === true && !info.format;
  const formatted = info.format
    ? safeFormat(info.format, exact === null || acceptsExactNumbers(info.format) ? value : Number(exact))
    : lean
      ? LEAN
      : written !== undefined
        ? {
            ...formatPlain(value),
            display: written,
            details: [`A JSON parser reads it as ${String(value)}.`],
          }
        : formatPlain(value);
  const node: DecodedNode = {
    key,
    path,
    label: info.label,
    type: formatted.type,
    display: formatted.display,
    raw: null,
    fieldId: info.fieldId,
    labelSource: info.labelSource,
    epochMs: formatted.epochMs,
    details: info.details
      ? formatted.details.length
        ? [...info.details, ...formatted.details]
        : info.details.slice()
      : formatted.details,
    warnings: [],
    children: null,
  };
  if (!lean) setRaw(node, written ?? rawText(value, json), b);
  if (info.warnings) for (const w of info.warnings) b.warn(node, w.code, w.severity, w.message);
  for (const p of formatted.problems)
    b.warn(
      node,
      p.includes('2^53') || p.startsWith('More digits than a double holds')
        ? 'precision'
        : 'suspicious-value',
      'warning',
      p,
    );
  if (typeof value === 'string' && b.options.mergeCheck) {
    const merges = findMergeFields(value);
    if (merges.length > 0) {
      b.warn(
        node,
        'unresolved-merge-field',
        'warning',
        `Unresolved merge field ${merges.join(', ')}: the sender did not fill it for this contact.`,
      );
    }
  }
  // A formatter that understood an object (geo, phone, date) makes it a leaf; raw JSON keeps the original.
  const leafObject =
    isContainer && info.format !== undefined && formatted.type !== 'object' && formatted.type !== 'array';
  if (leafObject) {
    try {
      setRaw(node, JSON.stringify(value, numbersAsSent), b);
    } catch {
      node.raw = null;
    }
  }
  if (!isContainer || leafObject) return node;
  if (path === b.options.rawAt) {
    try {
      setRaw(node, JSON.stringify(value, numbersAsSent), b);
    } catch {
      node.raw = null;
    }
  }
  if (depth >= b.options.maxDepth) {
    b.truncated = true;
    b.warn(
      node,
      'truncated',
      'info',
      `Nested deeper than ${b.options.maxDepth} levels; not decoded further.`,
    );
    return node;
  }
  const children: DecodedNode[] = [];
  node.children = children;
  const ctx = info.ctx;
  const depthNext = depth + 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (b.nodeCount >= b.options.maxNodes) {
        stopped(b, node, value.length - i);
        break;
      }
      const k = `[${i}]`;
      const v: unknown = value[i];
      children.push(
        buildNode(b, {
          key: k,
          path: b.options.lean ? '' : `${path}${k}`,
          value: v,
          info: safeCtx(ctx, k, v, b),
          depth: depthNext,
          json,
          written: typeof v === 'number' ? numberTextAt(value, String(i)) : undefined,
        }),
      );
    }
  } else {
    const obj = value as Record<string, unknown>;
    const keys = orderedKeys(obj, b.keyOrder);
    for (let i = 0; i < keys.length; i++) {
      if (b.nodeCount >= b.options.maxNodes) {
        stopped(b, node, keys.length - i);
        break;
      }
      const k = keys[i]!;
      const v = obj[k];
      children.push(
        buildNode(b, {
          key: k,
          path: b.options.lean ? '' : childPath(path, k),
          value: v,
          info: safeCtx(ctx, k, v, b),
          depth: depthNext,
          json,
          written: typeof v === 'number' ? numberTextAt(obj, k) : undefined,
        }),
      );
    }
  }
  return node;
}

const LEAN: Formatted = { type: 'value', display: '', details: [], problems: [], epochMs: null };

function stopped(b: Builder, node: DecodedNode, left: number) {
  b.truncated = true;
  b.warn(
    node,
    'truncated',
    'info',
    `Stopped after ${b.options.maxNodes} nodes; ${left} more here are not decoded.`,
  );
}

function safeFormat(format: (v: unknown) => Formatted, value: unknown): Formatted {
  try {
    return format(value);
  } catch (error) {
    return {
      ...formatPlain(value),
      problems: [`Could not format: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

function safeCtx(ctx: Ctx, key: string, value: unknown, b: Builder): KeyInfo {
  try {
    return ctx(key, value, b);
  } catch {
    return plainInfo(key);
  }
}

const plainCtx: Ctx = (k) => plainInfo(k);
export const plainInfo = (key: string, ctx: Ctx = plainCtx): KeyInfo => ({
  label: key,
  labelSource: 'none',
  fieldId: null,
  ctx,
});
