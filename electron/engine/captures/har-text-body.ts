import { charsetOf } from '../../shared/decode/charset';
import { wellFormed } from '../../shared/send/merge-fields';
import { knownCharset, textInCharset } from './text-in-charset';

export interface HarTextBody {
  body: Buffer;
  /** The type relabelled charset=utf-8 when the text could not be written in the charset it declares; else null. */
  contentType: string | null;
  /** Why the text is not in its declared charset (a clause naming it), or null. */
  problem: string | null;
  /** The text held a lone UTF-16 surrogate, which no charset can write: U+FFFD was written in its place. */
  loneSurrogate: boolean;
}

/** How a warning says what `loneSurrogate` means. */
export const loneSurrogateNote =
  'holds a lone surrogate (half of a UTF-16 pair, no character on its own), written as U+FFFD';

/**
 * A HAR text (postData or response content) in the charset its type declares, so a reader gets back what the HAR
 * holds. When that cannot be done exactly (an unknown charset, a character it has no byte for), the text is UTF-8 and
 * the type is relabelled to say so.
 */
export function harTextBody(text: string, type: string): HarTextBody {
  const whole = wellFormed(text);
  const loneSurrogate = whole !== text;
  const charset = charsetOf(type);
  const inCharset = charset === null ? null : textInCharset(whole, charset);
  if (charset === null || inCharset !== null)
    return { body: inCharset ?? Buffer.from(whole, 'utf8'), contentType: null, problem: null, loneSurrogate };
  return {
    body: Buffer.from(whole, 'utf8'),
    contentType: type.replace(charsetParam, '; charset=utf-8'),
    problem: knownCharset(charset)
      ? `the charset ${JSON.stringify(charset)} has no bytes for some of its characters`
      : `the charset ${JSON.stringify(charset)} is not one Hookscope can write`,
    loneSurrogate,
  };
}

const charsetParam = /;\s*charset\s*=\s*(?:"[^"]*"|[^;\s]*)/i;
