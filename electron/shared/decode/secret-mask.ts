import { formatPlain, type Formatted } from './values';
import { plainInfo, type Ctx } from './tree';

/**
 * A credential as the Decoded tab shows it (WP Fusion's access_key, Ontraport's Api-Key and Api-Appid): its first two
 * characters and at most 12 dots, so two keys can be told apart without being read; a key of one or two characters
 * is all dots, as its first two characters would be the whole key.
 */
export function maskedSecret(text: string): string {
  if (text.length <= 2) return '•'.repeat(text.length);
  return `${text.slice(0, 2)}${'•'.repeat(Math.min(text.length - 2, 12))}`;
}

/**
 * A credential's value, masked: text, or a number (an Api-Key sent as a JSON number); anything else as it is. No
 * problems of its own, as a number's would quote its digits.
 */
export function formatSecret(value: unknown): Formatted {
  if (typeof value !== 'string' && typeof value !== 'number') return formatPlain(value);
  return { ...formatPlain(value), type: 'secret', display: maskedSecret(String(value)), problems: [] };
}

/** The values inside a credential sent as a list or an object (a repeated `Api-Key`): each masked as the credential. */
export const secretPartsCtx: Ctx = (key) => ({ ...plainInfo(key, secretPartsCtx), format: formatSecret });
