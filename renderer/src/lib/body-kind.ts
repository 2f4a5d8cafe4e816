import { mediaType } from './format';

export type BodyKind = 'empty' | 'json' | 'form' | 'xml' | 'multipart' | 'html' | 'text' | 'binary';

/**
 * How to show a body: by declared content type first, then by sniffing the text. Bytes `stillCoded` (in a
 * Content-Encoding or transfer coding not undone) are bytes, whatever they look like: compressed data that happens to
 * read as JSON is not the JSON it encodes.
 */
export function bodyKind(
  contentType: string | null,
  text: string | null,
  size: number,
  stillCoded = false,
): BodyKind {
  if (size === 0) return 'empty';
  if (stillCoded) return 'binary';
  const type = mediaType(contentType);
  if (type.startsWith('multipart/')) return 'multipart';
  if (text === null) return 'binary';
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('/xml') || type.endsWith('+xml')) return 'xml';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      /* not JSON */
    }
  }
  if (trimmed.startsWith('<?xml')) return 'xml';
  return 'text';
}

/** Monaco language id for the Raw view. */
export function editorLanguage(kind: BodyKind): string {
  switch (kind) {
    case 'json':
      return 'json';
    case 'xml':
      return 'xml';
    case 'html':
      return 'html';
    default:
      return 'plaintext';
  }
}
