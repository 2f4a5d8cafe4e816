// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { renderQueryPairs } from '../../helpers/query-pairs';
import { renderDetailPane } from '../../helpers/detail-pane';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';

afterEach(cleanup);

const test = useEngineForUi();

describe('a query parameter name with a right-to-left override or a control character', () => {
  it("is escaped in its Copy button's tooltip and accessible name", () => {
    const { container } = renderQueryPairs([
      ['file\u202eexe', '1'],
      ['a\u0000b', '2'],
    ]);
    const copies = [...container.querySelectorAll('.pair-copy button')];
    expect(copies.map((b) => b.getAttribute('title'))).toEqual([
      'Copy value of fileU+202Eexe',
      'Copy value of "a\\u0000b"',
    ]);
    expect(copies.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Copy value of fileU+202Eexe',
      'Copy value of "a\\u0000b"',
    ]);
  });
});

// The receiver refuses a request target that is not ASCII, but a HAR import keeps one (it refuses only controls).
describe('the detail header of an imported capture whose path holds a right-to-left override', () => {
  it('shows the override by its code point, in the path and in its tooltip', async () => {
    // Hookscope's own export carries the path as received in `_hookscope`.
    const har = JSON.parse(harOf({ path: '/x' })) as { log: { entries: Array<Record<string, unknown>> } };
    har.log.entries[0]!._hookscope = { path: '/invoice\u202efdp.exe' };
    expect((await test.api.call('captures.importHar', { har: JSON.stringify(har) })).imported).toBe(1);
    const { id } = (await test.api.call('captures.list', { limit: 1 })).items[0]!;
    const { container, findByText } = renderDetailPane(test.api, id, 'overview');
    await findByText('U+202E', { selector: '.detail-path .invisible-char' });
    const path = container.querySelector('.detail-path')!;
    expect(path.textContent).toBe('/invoiceU+202Efdp.exe');
    expect(path.getAttribute('title')).not.toContain('\u202e');
    expect(path.getAttribute('title')).toContain('/invoiceU+202Efdp.exe');
  });
});
