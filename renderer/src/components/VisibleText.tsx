import { Fragment } from 'react';
import { controlEscape, escapeControls } from '../lib/control-escapes';

/**
 * Characters that draw nothing or reorder the text around them: bidi embeddings, overrides, isolates and marks, and
 * zero-width characters. In a captured value they can disguise it (`abc<U+202E>fed` reads as `abcdef`), so each is
 * shown as its code point instead of being drawn.
 */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};
/**
 * C0 controls, DEL and C1 controls draw as nothing or as empty boxes (`a<NUL>b` reads as `ab`); each is shown as the escape
 * `escapeControls` writes, marked, so a real NUL never reads like the six characters `\u0000` typed in a payload.
 * Tab, newline and a CRLF line end are drawn.
 *
 * The joiners (U+200C, U+200D) shape Persian and Indic words and build emoji sequences (👩‍💻), so they are drawn there;
 * beside ASCII, where they shape nothing, they could only hide inside a word (`adm<U+200D>in`) and are shown.
 */
const INVISIBLE =
  /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|(?<=[\0-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\0-\x7f])/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;
const DRAWN_AS_MARK = new RegExp(`(${INVISIBLE.source}|${CONTROL.source})`);
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'g');

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A captured or typed value as attribute text (a `title` tooltip, an `aria-label`), where no mark can be drawn: its
 * control characters, line breaks included, written as escapes and its invisible characters as `U+202E`.
 */
export function visibleAttribute(text: string): string {
  return escapeControls(text, { multiline: false, lineSeparators: true }).replace(EVERY_INVISIBLE, codePoint);
}

/**
 * Text with its invisible and direction-changing characters shown as `U+202E` marks and its control characters as
 * marked escapes. Output is React text.
 */
export function VisibleText({ text }: { text: string }) {
  if (!DRAWN_AS_MARK.test(text)) return <>{text}</>;
  return (
    <>
      {text.split(DRAWN_AS_MARK).map((part, i) =>
        i % 2 === 0 ? (
          <Fragment key={i}>{part}</Fragment>
        ) : Object.hasOwn(INVISIBLE_NAMES, part) ? (
          <span key={i} className="invisible-char" title={INVISIBLE_NAMES[part]}>
            {codePoint(part)}
          </span>
        ) : (
          <span key={i} className="control-char" title={`CONTROL CHARACTER ${codePoint(part)}`}>
            {controlEscape(part)}
          </span>
        ),
      )}
    </>
  );
}
