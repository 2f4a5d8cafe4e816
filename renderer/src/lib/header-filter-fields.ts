import type { FilterState } from './filter-state';

/**
 * The Header filter's two boxes as the filter they ask for: names and values trimmed (a received header has no space
 * around either), an empty value meaning any value. A header line pasted whole into the Name box (`X-Shop: north`,
 * copied from a log or a cURL command) is read as the CLI's --header reads it: the name before the colon, the value
 * after it. As a name it could match no capture. A name starting with a colon (`:method`, an HTTP/2 pseudo-header an
 * imported capture may list) is left whole.
 */
export function headerFilterFromFields(name: string, value: string): FilterState['header'] {
  let n = name.trim();
  let v = value.trim();
  const colon = n.indexOf(':');
  if (colon > 0) {
    const after = n.slice(colon + 1).trim();
    if (v === '' || after === '') {
      v = v || after;
      n = n.slice(0, colon).trim();
    }
  }
  return n ? { name: n, value: v === '' ? null : v } : null;
}
