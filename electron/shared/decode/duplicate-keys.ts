/** A key written more than once in one JSON object: JSON.parse keeps only its last value. */
export interface DuplicateKey {
  /** Where the object is, as the decoded tree writes paths ($, $.contact, $.items[0]). */
  objectPath: string;
  key: string;
  count: number;
}

const plainKey = /^[A-Za-z_$][\w$]*$/;
const childPath = (parent: string, key: string | number) =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : plainKey.test(key)
      ? `${parent}.${key}`
      : `${parent}[${JSON.stringify(key)}]`;

interface Frame {
  path: string;
  /** Keys seen so far (objects), with how often; null for an array. */
  keys: Map<string, number> | null;
  /** The next array index, or the key whose value comes next. */
  index: number;
  pendingKey: string | null;
}

/**
 * The duplicate keys of a text JSON.parse has already accepted, at most `limit` of them. One pass over the text, no
 * recursion (bodies can be 10,000 levels deep).
 */
export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const found = new Map<string, DuplicateKey>();
  const stack: Frame[] = [];
  let expectKey = false;
  const valuePath = () => {
    const top = stack[stack.length - 1];
    if (!top) return '$';
    return top.keys ? childPath(top.path, top.pendingKey ?? '') : childPath(top.path, top.index);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const count = (top.keys.get(key) ?? 0) + 1;
        top.keys.set(key, count);
        top.pendingKey = key;
        if (count > 1) {
          const id = `${top.path}\u0000${key}`;
          if (found.has(id)) found.get(id)!.count = count;
          else if (found.size < limit) found.set(id, { objectPath: top.path, key, count });
        }
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ path: valuePath(), keys: c === '{' ? new Map() : null, index: 0, pendingKey: null });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return [...found.values()];
}
