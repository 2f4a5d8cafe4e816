import { Highlight } from './Highlight';

const EMPTY_KEY = '(empty key)';

/**
 * A payload key as text that cannot pass for another key: the empty key is named, and a key with surrounding
 * whitespace (or one that starts or ends with a quote, so it cannot fake the quoting) is written as a JSON string.
 */
export function keyText(key: string): string {
  if (key === '') return EMPTY_KEY;
  return key.trim() !== key || key.startsWith('"') || key.endsWith('"') ? JSON.stringify(key) : key;
}

/** A key drawn as {@link keyText} says, the empty key muted. Output is React text, never markup. */
export function KeyText({ text, query = '' }: { text: string; query?: string }) {
  if (text === '') return <span className="muted key-empty">{EMPTY_KEY}</span>;
  return <Highlight text={keyText(text)} query={query} />;
}
