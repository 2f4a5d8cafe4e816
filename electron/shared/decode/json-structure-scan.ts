/** An object or array open during a scan, with what the visitor keeps for it. */
export interface JsonScanFrame<T> {
  data: T;
  isObject: boolean;
  /** The index of the array item being read. */
  index: number;
  /** The key whose value is being read (objects). */
  key: string;
}

export interface JsonScanVisitor<T> {
  /** An object or array opens as the value being read in `parent` (undefined at the top); returns its data. */
  open(isObject: boolean, parent: JsonScanFrame<T> | undefined): T;
  /** The object of `frame` writes `key` (again, if written twice). */
  key(frame: JsonScanFrame<T>, key: string): void;
}

/**
 * Walks the objects, arrays and keys of a JSON text in the order it writes them. One pass over the text, no recursion
 * (bodies can be 10,000 levels deep).
 */
export function scanJsonStructure<T>(text: string, visitor: JsonScanVisitor<T>): void {
  const stack: JsonScanFrame<T>[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (expectKey && top?.isObject) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        visitor.key(top, top.key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const isObject = c === '{';
      stack.push({ data: visitor.open(isObject, top), isObject, index: 0, key: '' });
      expectKey = isObject;
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      if (top?.isObject) expectKey = true;
      else if (top) top.index++;
    }
  }
}
