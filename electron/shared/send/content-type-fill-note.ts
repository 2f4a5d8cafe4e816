import { findPlaceholders } from './merge-fields';
import { templateBodyFormat } from './template-body';

const isContentType = (name: string) => name.trim().toLowerCase() === 'content-type';

/**
 * Said before a bulk send starts when its Content-Type header is a `{{variable}}` or `[Merge Field]`: a row that
 * fills it to nothing is sent without it (see `filledHeadersFormat`), and a row has nowhere to show the warning a
 * saved webhook's send shows. Null when no Content-Type depends on the row.
 */
export function contentTypeFillNote(template: {
  headers: [string, string][];
  body: string;
  contentType?: boolean;
}): string | null {
  const variable = template.headers.find(
    ([name, value]) => isContentType(name) && findPlaceholders(value).length > 0,
  );
  if (!variable) return null;
  const fixed = template.headers.filter(
    ([name, value]) => !isContentType(name) || findPlaceholders(value).length === 0,
  );
  const detected =
    template.contentType === false ? null : templateBodyFormat(fixed, template.body).contentType;
  return (
    `Content-Type is "${variable[1]}": rows whose Content-Type fills to nothing are sent with ` +
    (detected ? `the detected type (${detected})` : 'no Content-Type')
  );
}
