import type { Param } from 'har-format';
import { decodedPairs, isFormType } from '../../shared/decode/body';

/**
 * HAR 1.2's postData.params for a URL-encoded form, each field decoded, as browsers write them beside the text (HAR
 * viewers and converters read the fields from here); none for any other type, whose text is the only form it has.
 */
export function harFormParams(mimeType: string, text: string): { params?: Param[] } {
  if (!isFormType(mimeType)) return {};
  return { params: decodedPairs(text).map(([name, value]) => ({ name, value })) };
}
