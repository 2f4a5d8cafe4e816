import { scanJsonStructure, type JsonScanFrame } from './json-structure-scan';

const INTEGER_KEY = /"(?:0|[1-9][0-9]*)"\s*:/;

/** Each object of a parsed JSON value with its keys in the order the text writes them. */
export type JsonKeyOrder = WeakMap<object, string[]>;

interface Written {
  container: unknown;
  keys: string[];
  seen: Set<string>;
}

/**
 * The order the text `value` was parsed from writes each object's keys in. A JavaScript object lists integer-like keys
 * (`"2"`, `"10"`) first, in numeric order, whatever order they were sent in. A key written twice keeps the place
 * JSON.parse gives it, its first.
 */
export function jsonKeyOrder(text: string, value: unknown): JsonKeyOrder {
  const order: JsonKeyOrder = new WeakMap();
  // Without an integer-like key every object already lists its keys as written.
  if (!INTEGER_KEY.test(text)) return order;
  const valueIn = (frame: JsonScanFrame<Written> | undefined): unknown => {
    if (!frame) return value;
    const parent = frame.data.container as Record<string, unknown> | null;
    if (parent === null || typeof parent !== 'object') return undefined;
    if (!frame.isObject) return parent[frame.index];
    return Object.hasOwn(parent, frame.key) ? parent[frame.key] : undefined;
  };
  scanJsonStructure<Written>(text, {
    open(isObject, parent) {
      const container = valueIn(parent);
      const keys: string[] = [];
      // A key written twice: JSON.parse kept its last object, whose keys start afresh.
      if (isObject && container !== null && typeof container === 'object') order.set(container, keys);
      return { container, keys, seen: new Set() };
    },
    key({ data }, key) {
      if (!data.seen.has(key)) data.keys.push(key);
      data.seen.add(key);
    },
  });
  return order;
}

/** An object's keys in the order its text wrote them, when known; else in JavaScript's order. */
export function orderedKeys(value: object, order: JsonKeyOrder | undefined): string[] {
  const keys = Object.keys(value);
  const written = order?.get(value);
  if (!written || written.length !== keys.length) return keys;
  return written.every((k) => Object.hasOwn(value, k)) ? written : keys;
}

/** An object's entries in the order its text wrote them, when known; else in JavaScript's order. */
export function orderedEntries(value: object, order: JsonKeyOrder | undefined): Array<[string, unknown]> {
  return orderedKeys(value, order).map((k) => [k, (value as Record<string, unknown>)[k]]);
}
