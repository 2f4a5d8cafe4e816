import { findPlaceholders } from './merge-fields';
import { templateBodyFormat } from './template-body';

const isContentType = (name: string) => name.trim().toLowerCase() === 'content-type';

/** True when the value is only placeholders and spaces, so a row can fill it to nothing. */
function canFillToNothing(value: string): boolean {
  const placeholders = findPlaceholders(value);
  if (placeholders.length === 0) return false;
  let rest = '';
  let from = 0;
  for (const { start, end } of placeholders) {
    rest += value.slice(from, start);
    from = end;
  }
  return (rest + value.slice(from)).trim() === '';
}

/**
 * Said before a bulk send starts when its Content-Type header is nothing but `{{variable}}`s or `[Merge Field]`s: a
 * row that fills it to nothing is sent without it (see `filledHeadersFormat`), and a row has nowhere to show the
 * warning a saved webhook's send shows. Null when no row can fill the Content-Type to nothing.
 */
export function contentTypeFillNote(template: {
  headers: [string, string][];
  body: string;
  contentType?: boolean;
}): string | null {
  const variable = template.headers.find(([name, value]) => isContentType(name) && canFillToNothing(value));
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
