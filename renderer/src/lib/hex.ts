export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

/** One classic hexdump row: 16 bytes, offset, hex pairs grouped by 8, printable ASCII or '.'. */
export function hexRow(bytes: Uint8Array, row: number): HexRow {
  const start = row * 16;
  const slice = bytes.subarray(start, start + 16);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < 16; i++) {
    const b = slice[i];
    hex += b === undefined ? '  ' : b.toString(16).padStart(2, '0');
    hex += i === 7 ? '  ' : ' ';
    ascii += b === undefined ? '' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return { offset: start.toString(16).padStart(8, '0'), hex: hex.trimEnd(), ascii };
}
