/**
 * The object keys that lead to a position in JSON text (`["activity", "attr"]` inside `activity.attr`; array levels
 * are `[]`). Read forgivingly from the start of the text, so text that is not quite JSON still gives what it can.
 */
export function jsonKeysAt(text: string, offset: number): string[] {
  const stack: Array<{ object: boolean; key: string | null }> = [];
  let lastString: string | null = null;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= offset) break; // the position is inside this string
      lastString = readString(text.slice(i, end + 1));
      i = end;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top?.object) top.key = lastString;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) top.key = null;
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', key: null });
    } else if (c === '}' || c === ']') {
      stack.pop();
    }
  }
  // Each container is reached by the key its parent was at when it opened.
  return stack.slice(0, -1).map((s) => (s.object ? (s.key ?? '') : '[]'));
}

function readString(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
