const INTEGER_KEY = /"(?:0|[1-9][0-9]*)"\s*:/;

/** Each object of a parsed JSON value with its keys in the order the text writes them. */
export type JsonKeyOrder = WeakMap<object, string[]>;

interface Frame {
  container: unknown;
  /** The object's keys so far; null for an array. */
  keys: string[] | null;
  seen: Set<string>;
  index: number;
  pendingKey: string;
}

/**
 * The order the text `value` was parsed from writes each object's keys in. A JavaScript object lists integer-like keys
 * (`"2"`, `"10"`) first, in numeric order, whatever order they were sent in. One pass over the text, no recursion
 * (bodies can be 10,000 levels deep). A key written twice keeps the place JSON.parse gives it, its first.
 */
export function jsonKeyOrder(text: string, value: unknown): JsonKeyOrder {
  const order: JsonKeyOrder = new WeakMap();
  // Without an integer-like key every object already lists its keys as written.
  if (!INTEGER_KEY.test(text)) return order;
  const stack: Frame[] = [];
  let expectKey = false;
  const child = (): unknown => {
    const top = stack[stack.length - 1];
    if (!top) return value;
    const parent = top.container as Record<string, unknown> | null;
    if (parent === null || typeof parent !== 'object') return undefined;
    return top.keys
      ? Object.hasOwn(parent, top.pendingKey)
        ? parent[top.pendingKey]
        : undefined
      : parent[top.index];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (!top.seen.has(key)) top.keys.push(key);
        top.seen.add(key);
        top.pendingKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const container = child();
      const keys = c === '{' ? [] : null;
      // A key written twice: JSON.parse kept its last object, whose keys start afresh.
      if (keys && container !== null && typeof container === 'object') order.set(container, keys);
      stack.push({ container, keys, seen: new Set(), index: 0, pendingKey: '' });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
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
