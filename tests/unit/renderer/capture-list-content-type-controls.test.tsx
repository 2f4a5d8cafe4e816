// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderCaptureList } from '../../helpers/capture-list';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';

afterEach(cleanup);
afterEach(() => vi.restoreAllMocks());
// happy-dom lays nothing out: give the list's scroller a height so its rows are drawn.
beforeEach(() => vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600));

const test = useEngineForUi();

// With no Content-Type header, a HAR entry's postData.mimeType types the capture, taken as written.
describe('a capture list row of an imported capture typed by a mimeType holding a right-to-left override', () => {
  it('shows the override by its code point in the content type cell and its tooltip', async () => {
    const har = harOf({ path: '/x', postData: { mimeType: 'text/pl\u202eain', text: 'hi' } });
    expect((await test.api.call('captures.importHar', { har })).imported).toBe(1);
    const { items } = await test.api.call('captures.list', { limit: 1 });
    expect(items[0]!.contentType).toContain('\u202e');
    const { container } = renderCaptureList(items);
    const cell = container.querySelector('.cell.ctype')!;
    expect(cell.textContent).toBe('text/plU+202Eain');
    expect(cell.getAttribute('title')).toBe('text/plU+202Eain');
  });
});
