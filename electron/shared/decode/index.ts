/** Ortto / Ontraport / WP Fusion decoding. Pure TypeScript: runs in the engine and in the renderer. */
export type {
  DecodeInput,
  DecodeResult,
  DecodedNode,
  DecodeWarning,
  Recognition,
  CustomDictionary,
  CustomEntry,
  BodyFormat,
  LabelSource,
  WarningCode,
} from './types';
export { classifyCapture, decodeCapture, type DecodeOptions } from './decode';
export { findDecodedNode } from './find-node';
export { searchTextFor } from './search-text';
export {
  compileCustomDictionary,
  parseCustomDictionary,
  isInstanceSchema,
  entriesToCsv,
  validateEntry,
  type ImportFormat,
  type ImportResult,
} from './custom';
export { parseFieldId, labelFromParts, isOrttoFieldId, humanise } from './grammar';
export { fieldLabel, activityLabel } from './labels';
export { attrDepth, labelActivityAt } from './attr-scope';
export { ortto, orttoDelivery, orttoActivity, orttoAttribute, orttoField } from './dictionary/ortto';
export { dictionaryEntries, type DictionaryEntry } from './dictionary/entries';
export { formatLocal, formatUtc } from './values';

/** "Ortto · Clicked email" — the capture list's source column. */
export function sourceText(vendor: string | null, eventLabel: string | null): string {
  if (!vendor) return '';
  return eventLabel ? `${vendor} · ${eventLabel}` : vendor;
}
