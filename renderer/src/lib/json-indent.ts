/** Levels indented; deeper ones stay at this indent so a deeply nested body does not grow quadratically. */
const MAX_INDENT = 32;

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';
const isPunct = (c: string) => c === '{' || c === '}' || c === '[' || c === ']' || c === ',' || c === ':';

/**
 * The start of a JSON text indented two spaces a level, in one linear pass and without parsing it: for bodies too
 * big to parse into a tree without blocking the page. Stops once about `limit` characters are written; `read` says
 * how many characters of `text` that covers. Malformed JSON is indented as best it can be, never rejected.
 */
export function indentJson(text: string, limit: number): { text: string; read: number } {
  const out: string[] = [];
  let size = 0;
  let depth = 0;
  let i = 0;
  const newline = () => '\n' + '  '.repeat(Math.min(depth, MAX_INDENT));
  const nextSolid = (from: number) => {
    while (from < text.length && isSpace(text[from]!)) from++;
    return from;
  };
  while (i < text.length && size < limit) {
    const c = text[i]!;
    let piece: string;
    if (isSpace(c)) {
      i++;
      continue;
    } else if (c === '{' || c === '[') {
      const next = nextSolid(i + 1);
      if (text[next] === (c === '{' ? '}' : ']')) {
        piece = c + text[next];
        i = next + 1;
      } else {
        depth++;
        piece = c + newline();
        i++;
      }
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      piece = newline() + c;
      i++;
    } else if (c === ',') {
      piece = ',' + newline();
      i++;
    } else if (c === ':') {
      piece = ': ';
      i++;
    } else {
      // A string (to its closing quote) or a run of anything else (numbers, literals), copied as written.
      const end = Math.min(text.length, i + (limit - size) + 1);
      let j = i + 1;
      if (c === '"') {
        while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        j = Math.min(j + 1, end);
      } else {
        while (j < end && !isSpace(text[j]!) && !isPunct(text[j]!) && text[j] !== '"') j++;
      }
      j = Math.min(j, i + (limit - size));
      piece = text.slice(i, j);
      i = j;
    }
    out.push(piece);
    size += piece.length;
  }
  return { text: out.join(''), read: i };
}
