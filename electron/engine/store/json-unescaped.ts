const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Text with its JSON string escapes read (`Jos\u00e9` → `José`, `https:\/\/` → `https://`, `\u0026` → `&`), as the
 * Decoded tab shows the strings: PHP's json_encode escapes every non-ASCII character and Go's escapes & < >, so the
 * text as sent holds words no one types. Text without a backslash comes back as it is.
 */
export function jsonUnescaped(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(JSON_ESCAPE, (_, hex: string | undefined, simple: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : SIMPLE[simple!]!,
  );
}
