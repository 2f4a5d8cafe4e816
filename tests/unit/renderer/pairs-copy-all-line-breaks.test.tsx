// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { copiedByCopyAll } from '../../helpers/copy-all';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';
import { harOf } from '../../helpers/har';
import { importedCaptureId } from '../../helpers/imported-capture';

// "Copy all" writes one pair a line: a line break inside a name or value, copied as it is, would read as a second
// pair. Control characters are copied as the escapes the app shows (`\r`, `\n`, `\u0000`).
const ui = useEngineForUi();
afterEach(cleanup);

describe('Copy all, a name or value holding a line break', () => {
  it('on the Query tab: copies one line per parameter', async () => {
    const id = await receivedCaptureId(ui, '/copy-crlf?a=1%0D%0Ab%3D2&c%0Ad=%00&e');
    renderDetailPane(ui.api, id, 'query');
    await screen.findByText('3 query parameters');
    expect(await copiedByCopyAll('query parameters')).toBe('a=1\\r\\nb=2\nc\\nd=\\u0000\ne');
  });

  it('on the Headers tab: copies one line per header', async () => {
    const path = '/copy-crlf-header';
    const har = harOf({ path, method: 'GET', headers: [{ name: 'X-Note', value: 'one\r\nX-Forged: two' }] });
    renderDetailPane(ui.api, await importedCaptureId(ui.api, har, path), 'headers');
    await screen.findByText('X-Note');
    expect(await copiedByCopyAll('headers')).toBe('X-Note: one\\r\\nX-Forged: two');
  });
});
