import type { JsonKeyOrder } from '../../../electron/shared/decode/json-key-order';
import { decodedFields, decodedPairs } from '../../../electron/shared/decode/body';

export type Nested = string | Nested[] | { [key: string]: Nested };

/** Pairs in order, duplicates kept, `+` as space (application/x-www-form-urlencoded rules), nothing lost to U+FFFD. */
export function parseFormPairs(text: string): Array<[string, string]> {
  return decodedPairs(text);
}

/**
 * The first `count` fields, parsed without reading past them (a 10 MB body has 500,000 fields and parsing it all
 * blocked the page for seconds); `complete` says whether any field follows. Same rules as parseFormPairs: the
 * text is cut at an `&`, where URLSearchParams splits it too, and empty segments are not fields.
 */
export function parseFormHead(
  text: string,
  count: number,
): { pairs: Array<[string, string]>; complete: boolean; noEquals: boolean[] } {
  let end = 0;
  for (let fields = 0; end < text.length && fields < count;) {
    const amp = text.indexOf('&', end);
    const stop = amp === -1 ? text.length : amp;
    if (stop > end) fields++;
    end = stop + 1;
  }
  const fields = decodedFields(text.slice(0, end));
  return {
    pairs: fields.map((field) => [field.name, field.value]),
    complete: !/[^&]/.test(text.slice(end)),
    // By index, as the Query tab marks them: `a` in `a&b=` was written with no `=`, `b` with an empty value.
    noEquals: fields.map((field) => field.noEquals),
  };
}

/** `a[b][c]` → ['a','b','c']; `a[]` → ['a','']; plain keys stay one segment. */
export function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const re = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== consumed) return [key];
    parts.push(m[1]!);
    consumed = re.lastIndex;
  }
  return consumed === rest.length ? parts : [key];
}

/**
 * Builds the nested structure PHP/Rails-style senders mean with bracket keys (`contact[tags][]=a`). Conflicts
 * (a key used both as a value and as a container) keep the first value under `""` rather than dropping data.
 */
export function nestForm(pairs: Array<[string, string]>, keyOrder?: JsonKeyOrder): { [key: string]: Nested } {
  const root: { [key: string]: Nested } = Object.create(null) as { [key: string]: Nested };
  // An object lists integer-like keys (`e[10]`, `e[2]`) first, in numeric order: `keyOrder` keeps the order sent.
  const added = (obj: object, name: string) => {
    const keys = keyOrder?.get(obj) ?? [];
    keys.push(name);
    keyOrder?.set(obj, keys);
  };
  for (const [key, value] of pairs) {
    const path = keyPath(key);
    let node: { [key: string]: Nested } | Nested[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      const nextIsPush = path[i + 1] === '';
      if (Array.isArray(node)) {
        if (last) {
          node.push(value);
          break;
        }
        // No prototype, as every object here: `a[][__proto__][x]` must name a field, not reach Object.prototype.
        const child: Nested = nextIsPush ? [] : (Object.create(null) as { [key: string]: Nested });
        if (segment === '') node.push(child);
        else {
          const idx = Number(segment);
          const existing: Nested | undefined = Number.isInteger(idx) ? node[idx] : undefined;
          if (existing !== undefined && typeof existing !== 'string') {
            node = existing;
            continue;
          }
          node.push(child);
        }
        node = child as { [key: string]: Nested } | Nested[];
        continue;
      }
      const obj: { [key: string]: Nested } = node;
      const name = segment === '' ? String(Object.keys(obj).length) : segment;
      if (last) {
        const existing = obj[name];
        if (existing === undefined) {
          obj[name] = value;
          added(obj, name);
        } else if (Array.isArray(existing)) existing.push(value);
        else if (typeof existing === 'string') obj[name] = [existing, value];
        else {
          if (!Object.hasOwn(existing, '')) added(existing, '');
          existing[''] = value;
        }
        break;
      }
      let child = obj[name];
      if (child === undefined || typeof child === 'string') {
        if (child === undefined) added(obj, name);
        const fresh: Nested = nextIsPush ? [] : (Object.create(null) as { [key: string]: Nested });
        if (typeof child === 'string' && !Array.isArray(fresh)) {
          fresh[''] = child;
          added(fresh, '');
        } else if (typeof child === 'string' && Array.isArray(fresh)) fresh.push(child);
        obj[name] = fresh;
        child = fresh;
      }
      node = child as { [key: string]: Nested } | Nested[];
    }
  }
  return root;
}

export function hasBrackets(pairs: Array<[string, string]>): boolean {
  return pairs.some(([key]) => keyPath(key).length > 1);
}
