import { escapeControls } from './control-escapes';

/**
 * Characters that draw nothing or reorder the text around them: bidi embeddings, overrides, isolates and marks, and
 * zero-width characters. In a captured value they can disguise it (`abc<U+202E>fed` reads as `abcdef`), so each is
 * shown as its code point instead of being drawn.
 *
 * The joiners (U+200C, U+200D) shape Persian and Indic words and build emoji sequences (👩‍💻), so they are drawn there;
 * beside ASCII, where they shape nothing, they could only hide inside a word (`adm<U+200D>in`) and are shown.
 */
export const INVISIBLE =
  /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|(?<=[\0-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\0-\x7f])/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'g');

/** One invisible character as the UI shows it: `U+202E`. */
export const codePoint = (char: string) =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A captured or typed value as one line of plain text (a tooltip, an `aria-label`, a desktop notification), where no
 * mark can be drawn: its control characters, line breaks included, written as escapes and its invisible characters as
 * `U+202E`.
 */
export function visibleLine(text: string): string {
  return escapeControls(text, { multiline: false, lineSeparators: true }).replace(EVERY_INVISIBLE, codePoint);
}
