import { utf8DecodeStrict } from '../../../../electron/shared/send/bytes';
import { charsetOf, declaredCharsetText } from '../../../../electron/shared/decode/charset';

/** A C0 control no text holds (tab, line breaks, form feed and ESC aside): the bytes are data, not text. */
const binaryByte = (byte: number) => byte <= 0x08 || (byte >= 0x0e && byte <= 0x1f && byte !== 0x1b);

/**
 * A captured payload's text, for the merge record: in the charset its Content-Type (or byte-order mark, or XML
 * declaration) declares, else UTF-8. Throws an Error saying why there is none: text in an undeclared charset is not
 * called binary, since adding the charset is the fix.
 */
export function payloadText(id: number, bytes: Uint8Array, contentType: string | null): string {
  const text = declaredCharsetText(bytes, contentType) ?? utf8DecodeStrict(bytes);
  if (text !== null) return text;
  const declared = charsetOf(contentType);
  if (declared !== null && !/^utf-?8$/.test(declared))
    throw new Error(
      `capture #${id}'s body is not readable as ${declared}, the charset its Content-Type declares; no fields to merge`,
    );
  if (bytes.some(binaryByte)) throw new Error(`capture #${id} has a binary body; no fields to merge`);
  throw new Error(
    declared === null
      ? `capture #${id}'s body is not UTF-8 and its Content-Type declares no charset, so its text cannot be read; no fields to merge`
      : `capture #${id}'s body is not valid UTF-8, the charset its Content-Type declares; no fields to merge`,
  );
}
