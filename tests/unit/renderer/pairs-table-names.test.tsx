// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { renderQueryPairs } from '../../helpers/query-pairs';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

// `?a%20=1&a=2&a%0Ab=3&a%20b=4&=5`: the first two both read "a" (and, not the same name, neither was flagged as
// sent twice), the next two both "a b", and the last had a blank name cell.
describe('query parameter and form field names that would look like another name', () => {
  it('are written as JSON strings, and the empty name is named', () => {
    const { container } = renderQueryPairs([
      ['a ', '1'],
      ['a', '2'],
      ['a\nb', '3'],
      ['a b', '4'],
      ['', '5'],
    ]);
    const names = [...container.querySelectorAll('.pair-name')].map((n) => n.textContent);
    expect(names).toEqual(['"a "', 'a', '"a\\nb"', 'a b', '(empty key)']);
  });
});
