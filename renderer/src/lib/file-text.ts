import { utf16BomEncodingOf } from '../../../electron/shared/decode/charset';

/**
 * A text file the user opened, in the encoding it was saved in: UTF-16 when it starts with a byte-order mark
 * (Excel's "Unicode Text", Windows PowerShell's `>`), else UTF-8, else Windows-1252 — Excel's "CSV" on Windows.
 * `File.text()` reads everything as UTF-8, turning every "é" of a Windows-1252 file into "�" and a UTF-16 file into
 * text with a NUL after each character.
 */
export async function fileText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf16 = utf16BomEncodingOf(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
