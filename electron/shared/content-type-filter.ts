import { httpToken } from './http-token';

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
    httpToken.test(main ?? '') &&
    sub !== undefined &&
    httpToken.test(sub)
  );
}
