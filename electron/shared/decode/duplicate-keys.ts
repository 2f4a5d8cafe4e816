import { scanJsonStructure } from './json-structure-scan';

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

interface Seen {
  path: string;
  /** How often each key was written so far (objects). */
  counts: Map<string, number>;
}

/** The duplicate keys of a text JSON.parse has already accepted, at most `limit` of them. */
export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const found = new Map<string, DuplicateKey>();
  scanJsonStructure<Seen>(text, {
    open: (_isObject, parent) => ({
      path: parent ? childPath(parent.data.path, parent.isObject ? parent.key : parent.index) : '$',
      counts: new Map(),
    }),
    key({ data }, key) {
      const count = (data.counts.get(key) ?? 0) + 1;
      data.counts.set(key, count);
      if (count < 2) return;
      const id = `${data.path}\u0000${key}`;
      if (found.has(id)) found.get(id)!.count = count;
      else if (found.size < limit) found.set(id, { objectPath: data.path, key, count });
    },
  });
  return [...found.values()];
}
