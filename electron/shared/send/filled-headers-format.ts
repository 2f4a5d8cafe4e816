import { templateBodyFormat } from './template-body';
import type { Escape } from './merge-fields';

/**
 * The body format of a request whose headers are already filled in (a Content-Type `{{variable}}` decides by the
 * value it filled to, not by its template text), and those headers with an empty Content-Type left out: it would go
 * out ahead of the detected type, read first by most servers. One warning, naming the header, for each left out.
 */
export function filledHeadersFormat(
  filled: [string, string][],
  bodyTemplate: string,
): {
  format: { contentType: string | null; escape: Escape };
  headers: [string, string][];
  warnings: string[];
} {
  const format = templateBodyFormat(filled, bodyTemplate);
  const warnings: string[] = [];
  const headers: [string, string][] = [];
  filled.forEach(([name, value], index) => {
    if (name.trim().toLowerCase() === 'content-type' && value.trim() === '') {
      warnings.push(
        `headers[${index}]: Content-Type has no value, so it is left out` +
          (format.contentType ? ' and the detected type is sent' : ''),
      );
      return;
    }
    headers.push([name, value]);
  });
  return { format, headers, warnings };
}
