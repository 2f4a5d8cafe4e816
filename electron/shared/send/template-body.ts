import { contentTypeHeaderFor } from './content-type';
import { findPlaceholders, type Escape } from './merge-fields';

/** The template with each placeholder replaced by `0`, which is valid wherever a JSON, form or XML value may stand. */
function neutralised(template: string): string {
  let text = '';
  let cursor = 0;
  for (const p of findPlaceholders(template)) {
    text += `${template.slice(cursor, p.start)}0`;
    cursor = p.end;
  }
  return text + template.slice(cursor);
}

/** How values are escaped in a body of this Content-Type. */
export function escapeForContentType(contentType: string | null): Escape {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (media === 'application/json' || media.endsWith('+json')) return 'json';
  if (media === 'application/x-www-form-urlencoded') return 'form';
  if (media.endsWith('/xml') || media.endsWith('+xml')) return 'xml';
  return 'none';
}

/**
 * A body template's Content-Type and how merged values are escaped in it, judged from the template itself (a header
 * the user set wins), so every row of a bulk send goes out in the same format whatever its values hold.
 */
export function templateBodyFormat(
  headers: [string, string][],
  body: string,
): { contentType: string | null; escape: Escape } {
  const contentType = contentTypeHeaderFor(headers, neutralised(body));
  return { contentType, escape: escapeForContentType(contentType) };
}
