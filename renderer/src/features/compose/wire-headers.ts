import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { headerByteString } from '../../../../electron/shared/send/bytes';
import type { HeaderRow } from './state';

/**
 * The header values as bytes on the wire (one character per byte). A value that is still the text of a header row
 * opened from a capture goes out as the captured bytes; anything else typed is sent as UTF-8, as curl does.
 */
export function wireHeaders(headers: [string, string][], rows: HeaderRow[]): [string, string][] {
  const captured = rows.filter(
    (r) =>
      r.enabled &&
      r.stored !== undefined &&
      // eslint-disable-next-line no-control-regex
      /^[\x00-\xff]*$/.test(r.stored) &&
      headerValueText(r.stored).text === r.value,
  );
  return headers.map(([name, value]) => {
    const row = captured.find((r) => r.name.trim() === name && r.value === value);
    return [name, row?.stored ?? headerByteString(value)];
  });
}
