// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { importedCaptureId } from '../../helpers/imported-capture';

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR whose response has no
// Content-Type header, only content.mimeType with a charset, so its body is stored in that charset.
const ui = useEngineForUi();
afterEach(cleanup);

describe('the Response tab of an imported capture typed only by content.mimeType', () => {
  it('shows a Latin-1 body as its text, hostile markup as text', async () => {
    const path = '/har-response-latin1';
    const har = harOf({
      path,
      method: 'GET',
      response: {
        status: 200,
        content: { mimeType: 'text/plain; charset=iso-8859-1', text: 'café <b>crème</b>' },
      },
    });
    renderDetailPane(ui.api, await importedCaptureId(ui.api, har, path), 'response');
    expect(await screen.findByText(/café <b>crème<\/b>/)).toBeTruthy();
    expect(document.querySelector('.response-body b')).toBeNull();
  });
});
