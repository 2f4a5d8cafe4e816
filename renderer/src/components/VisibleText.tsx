import { Fragment } from 'react';
import { controlEscape } from '../../../electron/shared/control-escapes';
import { codePoint, INVISIBLE, visibleLine } from '../../../electron/shared/visible-characters';

/** The names of the characters `INVISIBLE` matches, shown on hover. */
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
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;
const DRAWN_AS_MARK = new RegExp(`(${INVISIBLE.source}|${CONTROL.source})`);

/** A captured or typed value as attribute text (a `title` tooltip, an `aria-label`): see `visibleLine`. */
export const visibleAttribute = visibleLine;

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
