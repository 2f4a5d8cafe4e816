import { bodyKind } from '../../lib/body-kind';
import { mediaType } from '../../lib/format';

/**
 * The extension of a downloaded body, from its Content-Type, as the Body tab reads that type: `application/
 * cloudevents+json` and `text/json` are JSON, `application/soap+xml` XML. Anything else is `bin`.
 */
export function bodyFileExtension(contentType: string | null): string {
  const type = mediaType(contentType);
  if (type === 'text/plain' || type === 'application/x-www-form-urlencoded') return 'txt';
  // Typed alone, with text that sniffs as nothing: only the type decides.
  const kind = bodyKind(contentType, '', 1);
  return kind === 'json' || kind === 'xml' || kind === 'html' ? kind : 'bin';
}
