import { httpToken } from '../contract/captures';
import { findPlaceholders } from './merge-fields';

/**
 * A typed header name with its `{{variables}}` filled in: trimmed first, so spaces around the name never reach the
 * wire. The composer, a saved webhook's send and a bulk send fill names by this one rule.
 */
export function fillHeaderName(name: string, fill: (text: string) => string): string {
  return fill(name.trim());
}

/**
 * Whether a header name as typed in a template can be a header name: its text around the `{{variables}}` and
 * `[Merge Fields]` is token characters. What each fills to is judged when it is filled.
 */
export function isHeaderNameTemplate(name: string): boolean {
  let rest = '';
  let at = 0;
  for (const p of findPlaceholders(name)) {
    rest += `${name.slice(at, p.start)}x`;
    at = p.end;
  }
  return httpToken.test(rest + name.slice(at));
}
