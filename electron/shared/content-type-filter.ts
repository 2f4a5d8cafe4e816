/**
 * One side of a stored media type. Not an RFC token: the receiver stores whatever type a sender wrote (an
 * `application/vnd.Éclair+json` included), so only what no stored type can hold is refused.
 */
const mediaTypePart = /^[^\s/;,]+$/u;

/** A content-type filter value as captures store the type: `Text/Plain; charset=utf-8` → `text/plain`. */
export function contentTypeFilterValue(typed: string): string {
  return typed.split(';')[0]!.trim().toLowerCase();
}

/**
 * Whether a content-type filter value (lower-cased, parameters taken off) can match a capture: a media type
 * (`application/json`), a family (`text/*`) or `none`. `json`, `*` over `*` or an empty value match none.
 */
export function isContentTypeFilter(type: string): boolean {
  if (type === 'none') return true;
  const [main, sub, ...rest] = type.split('/');
  return (
    rest.length === 0 &&
    main !== '*' &&
    mediaTypePart.test(main ?? '') &&
    sub !== undefined &&
    mediaTypePart.test(sub)
  );
}
