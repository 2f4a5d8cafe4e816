import { Highlight } from './Highlight';

const EMPTY_KEY = '(empty key)';

/**
 * Line breaks, tabs, ESC, NUL and the other C0 controls: drawn raw, `a\nb` reads as two keys and `a\u0000b` as `ab`.
 * JSON.stringify writes each as an escape.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f]/;

/**
 * A payload key as text that cannot pass for another key: the empty key is named, and a key with surrounding
 * whitespace or a control character inside (or one that starts or ends with a quote, so it cannot fake the quoting)
 * is written as a JSON string.
 */
export function keyText(key: string): string {
  if (key === '') return EMPTY_KEY;
  return key.trim() !== key || CONTROL.test(key) || key.startsWith('"') || key.endsWith('"')
    ? JSON.stringify(key)
    : key;
}

/** A key drawn as {@link keyText} says, the empty key muted. Output is React text, never markup. */
export function KeyText({ text, query = '' }: { text: string; query?: string }) {
  if (text === '') return <span className="muted key-empty">{EMPTY_KEY}</span>;
  return <Highlight text={keyText(text)} query={query} />;
}
