/**
 * A HAR request's httpVersion as the receiver stores its own captures' (Node's `req.httpVersion`: `1.1`, `2.0`).
 * Tools write it many ways: `HTTP/1.1`, Firefox's `HTTP/2` and `HTTP/3`, Chrome's `http/2.0`, `h2` and `h3`. Text that
 * names no version is kept as written, so it stays visible rather than becoming a made-up one; none at all is `1.1`.
 */
export function harHttpVersion(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return '1.1';
  const m = /^(?:HTTP\/)?(\d)(?:\.(\d))?$/i.exec(text) ?? /^h([23])(?:c|-\d+)?$/i.exec(text);
  if (!m) return text;
  const [, major, minor] = m;
  if (major === '2') return '2.0';
  // HTTP/3 has no minor version; Node has no HTTP/3 server to copy the spelling from.
  if (major === '3') return '3';
  return `${major}.${minor ?? '0'}`;
}
